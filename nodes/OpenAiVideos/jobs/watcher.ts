/**
 * Waiting for video jobs. All jobs of one node run share a JobWatcher: while several wait, one
 * `GET /videos` page (newest first) checks them all, and only jobs not on it are fetched one by
 * one. The first check follows the create answer's poll hint. A job checked on its own next
 * follows its status answer's hint, else Poll Interval. Each job keeps the last hint the server
 * gave for it (create, status or list answer): a list check comes after the smallest of those
 * among the waiting jobs, else Poll Interval. Never closer than MIN_POLL_SPACING_MS. Wait Timeout
 * bounds the whole wait, stuck polls included (list polls too).
 */
import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { jobStateOf, type JobState } from '../../shared/job-status';
import { TransportError } from '../../shared/transport/errors';
import { MIN_POLL_SPACING_MS } from '../../shared/transport/limits';
import { pause } from '../../shared/transport/pause';
import type { Connection } from '../../shared/transport/request';
import { headerValue } from '../../shared/transport/response';
import { apiRequest } from '../../shared/transport/retry';
import { fetchVideoPage, LIST_ENDPOINT, LIST_PAGE_SIZE } from '../../shared/video-list';
import { endpoint as getEndpoint } from '../actions/video/get.operation';
import { endpointLabel, requestTo } from '../helpers/endpoint';
import type { WaitSettings } from '../helpers/settings';
import { expectVideoJob, jobError } from './job-errors';

export interface WaitOutcome {
	video: IDataObject;
	state: JobState | 'timedOut';
}

interface Checked {
	video: IDataObject;
	hintMs?: number;
	/** Whether the shared list page answered (not the job's own status request). */
	listed?: boolean;
}

/** When the first check of a job comes, and the poll hint its create answer gave. */
export interface FirstCheck {
	delayMs: number;
	hintMs?: number;
}

/** OpenAI's spelling, and LiteLLM's, which prefixes the provider's headers. */
const POLL_HINT_HEADERS = ['openai-poll-after-ms', 'llm_provider-openai-poll-after-ms'];
/** Without a hint, the first check comes this soon (or at Poll Interval, if shorter). */
const FIRST_CHECK_MS = 2_000;
const BATCH_WINDOW_MS = 50;
/** A poll that hangs past the deadline is given up this long after it. */
const DEADLINE_GRACE_MS = 1_000;

export function pollHintMs(headers: IDataObject | undefined): number | undefined {
	for (const name of POLL_HINT_HEADERS) {
		const hinted = Number(headerValue(headers, name));
		if (Number.isFinite(hinted) && hinted > 0) return hinted;
	}
	return undefined;
}

export function firstCheck(createHeaders: IDataObject | undefined, pollIntervalMs: number): FirstCheck {
	const hintMs = pollHintMs(createHeaders);
	return { delayMs: Math.max(MIN_POLL_SPACING_MS, hintMs ?? Math.min(FIRST_CHECK_MS, pollIntervalMs)), hintMs };
}

/** The pace of checks: the smallest of the hints (a job's own, or the waiting jobs' for the shared list), else Poll Interval. */
export function listPaceMs(hints: Iterable<number | undefined>, pollIntervalMs: number): number {
	let smallest: number | undefined;
	for (const hint of hints) if (hint !== undefined && (smallest === undefined || hint < smallest)) smallest = hint;
	return Math.max(MIN_POLL_SPACING_MS, smallest ?? pollIntervalMs);
}

/** The job's own deadline passed while it waited for the list page it shares with others. */
function deadlineError(connection: Connection): TransportError {
	return new TransportError(connection.context.getNode(), `${LIST_ENDPOINT} got no answer before the wait's deadline`, 'DEADLINE');
}

/** `page`, or a DEADLINE error as soon as `signal` aborts. */
async function byDeadline<T>(page: Promise<T>, signal: AbortSignal, connection: Connection): Promise<T> {
	if (signal.aborted) throw deadlineError(connection);
	let onAbort = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(deadlineError(connection));
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([page, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

export class JobWatcher {
	/** The last poll hint the server gave for each waiting job (undefined: none yet). */
	private readonly hints = new Map<string, number | undefined>();
	private waiting = 0;
	private listUsable = true;
	private plannedCheckAt = 0;
	private batch?: Promise<Map<string, Checked> | undefined>;
	/** The last list page: a job that comes due less than MIN_POLL_SPACING_MS after it takes it. */
	private lastPage?: { at: number; found: Map<string, Checked> };

	constructor(
		private readonly connection: Connection,
		/** The Extra Query Parameters of the list poll shared by all jobs. */
		private readonly sharedQuery: IDataObject = {},
	) {}

	/** Waits for one job; `query` is its item's Extra Query Parameters. */
	async wait(job: IDataObject, settings: WaitSettings, first: FirstCheck, stop: AbortSignal): Promise<WaitOutcome> {
		const id = String(job.id);
		const deadline = Date.now() + settings.timeoutMs;
		let video = job;
		let delayMs = first.delayMs;
		this.waiting++;
		this.hints.set(id, first.hintMs);
		try {
			while (jobStateOf(video) === 'running') {
				if (deadline - Date.now() <= 0) return { video, state: 'timedOut' };
				const sleepMs = Math.min(delayMs, deadline - Date.now());
				await pause(sleepMs, stop);
				if (stop.aborted) throw stoppedError(this.connection, id, video);
				// A pause the deadline cut short ends the wait: a poll now would come too soon after the last.
				if (sleepMs < delayMs || deadline - Date.now() <= 0) return { video, state: 'timedOut' };
				let checked: Checked;
				try {
					checked = await this.check(id, settings, AbortSignal.timeout(deadline - Date.now() + DEADLINE_GRACE_MS));
				} catch (error) {
					if (error instanceof TransportError && error.code === 'DEADLINE') return { video, state: 'timedOut' };
					throw pollError(this.connection, id, error);
				}
				video = checked.video;
				if (checked.hintMs !== undefined) this.hints.set(id, checked.hintMs);
				const nextMs = listPaceMs(checked.listed ? this.hints.values() : [checked.hintMs], settings.pollIntervalMs);
				delayMs = this.alignedDelayMs(nextMs);
			}
		} finally {
			this.waiting--;
			this.hints.delete(id);
		}
		return { video, state: jobStateOf(video) };
	}

	/**
	 * Jobs that started at different moments would each keep their own list poll. A job whose next
	 * check falls near the one already planned by others moves to it, so all share one request.
	 */
	private alignedDelayMs(delayMs: number): number {
		const now = Date.now();
		const planned = this.plannedCheckAt - now;
		if (this.waiting > 1 && this.listUsable && planned >= delayMs / 2 && planned <= delayMs * 1.5) return planned;
		this.plannedCheckAt = now + delayMs;
		return delayMs;
	}

	private async check(id: string, settings: WaitSettings, signal: AbortSignal): Promise<Checked> {
		const listed = await this.fromList(id, signal);
		if (listed) return listed;
		const request = requestTo(getEndpoint, { video_id: id }, { qs: settings.query, signal });
		const response = await apiRequest(this.connection, request, 'idempotent', settings.maxRetries);
		expectVideoJob(this.connection.context.getNode(), endpointLabel(getEndpoint), response.body);
		return { video: { ...(response.body as IDataObject) }, hintMs: pollHintMs(response.headers) };
	}

	/**
	 * The job's state from the shared list page, when several jobs wait and the server lists. The
	 * page's request ends by the deadline of the job that started it; each job stops waiting for it
	 * at its own deadline.
	 */
	private async fromList(id: string, signal: AbortSignal): Promise<Checked | undefined> {
		if (!this.listUsable || this.waiting < 2) return undefined;
		const recent = this.lastPage && Date.now() - this.lastPage.at < MIN_POLL_SPACING_MS ? this.lastPage.found.get(id) : undefined;
		if (recent) return recent;
		// Jobs that come due while a page is on its way take that page: one request for all of them.
		this.batch ??= (async () => {
			await pause(BATCH_WINDOW_MS, this.connection.cancelSignal);
			try {
				const found = await this.fetchList(signal);
				if (found) this.lastPage = { at: Date.now(), found };
				return found;
			} finally {
				this.batch = undefined;
			}
		})();
		return (await byDeadline(this.batch, signal, this.connection))?.get(id);
	}

	private async fetchList(signal: AbortSignal): Promise<Map<string, Checked> | undefined> {
		try {
			const page = await fetchVideoPage(this.connection, { order: 'desc', limit: LIST_PAGE_SIZE, query: this.sharedQuery, maxRetries: 0, signal });
			const hintMs = pollHintMs(page.headers);
			return new Map(page.videos.map((video) => [String(video.id), { video: { ...video }, hintMs, listed: true }]));
		} catch (error) {
			// A page cut off by a deadline or a cancel says nothing about the server: the jobs still waiting check on their own this time.
			if (error instanceof TransportError && (error.code === 'DEADLINE' || error.code === 'CANCELLED')) return undefined;
			// This server does not list (or not like OpenAI): check each job on its own from now on.
			this.listUsable = false;
			return undefined;
		}
	}
}

function pollError(connection: Connection, id: string, error: unknown): NodeApiError {
	return jobError(connection.context.getNode(), id, { kind: 'checkFailed', cause: error as NodeApiError });
}

function stoppedError(connection: Connection, id: string, video: IDataObject): NodeApiError {
	const why = connection.cancelSignal?.aborted ? 'the execution was cancelled' : 'another item failed';
	return jobError(connection.context.getNode(), id, { kind: 'stopped', video, why });
}
