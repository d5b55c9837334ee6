/**
 * The trigger's memory between polls, and the pure logic that advances it.
 *
 * `GET /videos?order=desc` lists the newest video first. The state keeps two things only:
 * - `top`: the newest creation time seen so far and the IDs created at exactly that time (ties).
 *   Anything created later, or at that time under another ID, is new since the last poll.
 * - `pending`: the IDs of the jobs that were still running at the last poll, and `pendingSince`,
 *   the creation time of the oldest of them.
 * A finished video is emitted when it is new or was pending; every other finished video was
 * already finished at the last poll, so it was handled then (emitted, or there before activation).
 *
 * A scan reads pages until it has gone below the *floor*, the oldest of `top` and every pending
 * job: nothing older can have changed. Pending jobs the scan did not meet there are gone
 * (deleted, expired) and are forgotten. Both parts of the state are bounded by what is in flight
 * (running jobs, videos created within the same second), never by the size of the account.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobStateOf, type JobState } from '../shared/job-status';

export const STATE_VERSION = 1;

export interface CursorTop {
	/** created_at (Unix seconds) of the newest video seen. */
	at: number;
	/** IDs of the videos created at exactly `at`. */
	ids: string[];
}

export interface CursorState {
	v: typeof STATE_VERSION;
	/** null while the account had no videos at all. */
	top: CursorTop | null;
	/** IDs of the jobs running at the last poll. */
	pending: string[];
	/** created_at of the oldest of them; null when none ran. */
	pendingSince: number | null;
}

export type FinishedState = Exclude<JobState, 'running'>;

export interface FinishedVideo {
	video: IDataObject;
	state: FinishedState;
}

export interface ScanResult {
	state: CursorState;
	/** Videos that finished since the last poll (none on the first poll), oldest first. */
	finished: FinishedVideo[];
}

function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** The state stored in static data, or undefined when there is none (or of another version). */
export function readState(data: IDataObject | undefined): CursorState | undefined {
	if (!data || data.v !== STATE_VERSION) return undefined;
	const top = data.top as IDataObject | null | undefined;
	const { pending, pendingSince } = data;
	if (top !== null && (typeof top !== 'object' || !isFiniteNumber(top.at) || !Array.isArray(top.ids))) return undefined;
	if (!Array.isArray(pending) || (pendingSince !== null && !isFiniteNumber(pendingSince))) return undefined;
	if (pending.length > 0 && pendingSince === null) return undefined;
	return {
		v: STATE_VERSION,
		top: top === null ? null : { at: top.at as number, ids: (top.ids as unknown[]).map(String) },
		pending: (pending as unknown[]).map(String),
		pendingSince,
	};
}

function hasCreationTime(video: IDataObject): boolean {
	return video.created_at !== null && video.created_at !== '' && Number.isFinite(Number(video.created_at));
}

/** created_at as a number; a server that leaves it out gets 0 (and loses the early stop). */
export function createdAtOf(video: IDataObject): number {
	return hasCreationTime(video) ? Number(video.created_at) : 0;
}

/** The oldest creation time a scan must reach; -Infinity reads the whole list. */
export function floorOf(previous: CursorState | undefined): number {
	if (!previous) return -Infinity;
	const times: number[] = [];
	if (previous.top) times.push(previous.top.at);
	if (previous.pending.length && previous.pendingSince !== null) times.push(previous.pendingSince);
	return times.length ? Math.min(...times) : -Infinity;
}

function finishedAtOf(video: IDataObject): number {
	const value = Number(video.completed_at);
	return Number.isFinite(value) ? value : createdAtOf(video);
}

/**
 * One poll's walk over `GET /videos?order=desc`, fed page by page. Keeps only running jobs,
 * the newest creation time and the videos to emit, so a first scan of a large account stays small.
 */
export class CursorScan {
	readonly floor: number;

	private readonly topIds: Set<string>;

	private readonly pendingIds: Set<string>;

	private ordered = true;

	private previousAt = Infinity;

	private newestAt = -Infinity;

	private newestIds: string[] = [];

	private readonly running = new Map<string, number>();

	private readonly finished: FinishedVideo[] = [];

	private readonly seen = new Set<string>();

	done = false;

	constructor(private readonly previous: CursorState | undefined) {
		this.floor = floorOf(previous);
		this.topIds = new Set(previous?.top?.ids ?? []);
		this.pendingIds = new Set(previous?.pending ?? []);
	}

	/** Whether a video was created after the last poll saw the list. */
	private isNew(id: string, at: number): boolean {
		const top = this.previous?.top;
		if (!top) return true;
		return at > top.at || (at === top.at && !this.topIds.has(id));
	}

	/** Takes one page (newest first); returns true when the scan has covered all it must. */
	addPage(videos: IDataObject[], hasMore: boolean): boolean {
		for (const video of videos) {
			const id = String(video.id ?? '');
			if (!id || this.seen.has(id)) continue;
			this.seen.add(id);
			const at = createdAtOf(video);
			// A list that is not newest first (or has no times) is read to its end.
			if (at > this.previousAt || !hasCreationTime(video)) this.ordered = false;
			this.previousAt = at;
			if (at > this.newestAt) {
				this.newestAt = at;
				this.newestIds = [id];
			} else if (at === this.newestAt) {
				this.newestIds.push(id);
			}

			const state = jobStateOf(video);
			if (state === 'running') {
				this.running.set(id, at);
			} else if (this.previous && (this.pendingIds.has(id) || this.isNew(id, at))) {
				this.finished.push({ video, state });
			}
		}
		const last = videos[videos.length - 1];
		const belowFloor = this.ordered && last !== undefined && createdAtOf(last) < this.floor;
		this.done = !hasMore || videos.length === 0 || belowFloor;
		return this.done;
	}

	/** The state to store and what finished since the last poll. */
	result(): ScanResult {
		const previousTop = this.previous?.top ?? null;
		let top: CursorTop | null;
		if (this.newestAt === -Infinity || (previousTop && this.newestAt < previousTop.at)) {
			// Never move the boundary back (the newest videos may have been deleted).
			top = previousTop;
		} else if (previousTop && this.newestAt === previousTop.at) {
			top = { at: previousTop.at, ids: [...new Set([...previousTop.ids, ...this.newestIds])] };
		} else {
			top = { at: this.newestAt, ids: this.newestIds };
		}
		const finished = [...this.finished].sort(
			(a, b) => finishedAtOf(a.video) - finishedAtOf(b.video) || createdAtOf(a.video) - createdAtOf(b.video),
		);
		let pendingSince: number | null = null;
		for (const at of this.running.values()) if (pendingSince === null || at < pendingSince) pendingSince = at;
		return { state: { v: STATE_VERSION, top, pending: [...this.running.keys()], pendingSince }, finished };
	}
}

export type TriggerEvent = 'completed' | 'failed' | 'completedOrFailed';

/** Whether a finished video is one the trigger was asked for. */
export function matchesFilter(
	video: IDataObject,
	state: JobState,
	event: TriggerEvent,
	model: string | undefined,
): boolean {
	if (state === 'running') return false;
	if (event !== 'completedOrFailed' && event !== state) return false;
	return !model || String(video.model ?? '') === model;
}

/** Equality of two states as stored (to leave static data untouched when nothing changed). */
export function sameState(a: CursorState | undefined, b: CursorState): boolean {
	return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
