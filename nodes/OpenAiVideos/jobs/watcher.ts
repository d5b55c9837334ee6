/**
 * Waiting for video jobs. All jobs of one node run share a JobWatcher: while several wait, one
 * `GET /videos` page (newest first) checks them all, and only jobs not on it are fetched one by
 * one. The first check follows the create answer's poll hint, later ones the server's hints
 * (never closer than MIN_POLL_SPACING_MS), else Poll Interval. Wait Timeout bounds the whole
 * wait, stuck polls included.
 */
import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { jobStateOf, type JobState } from '../../shared/job-status';
import { TransportError } from '../../shared/transport/errors';
import { MIN_POLL_SPACING_MS } from '../../shared/transport/limits';
import { pause } from '../../shared/transport/pause';
import type { Connection } from '../../shared/transport/request';
import { headerValue } from '../../shared/transport/response';
import { apiRequest } from '../../shared/transport/retry';
import { fetchVideoPage, LIST_PAGE_SIZE } from '../../shared/video-list';
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

export function firstCheckDelayMs(createHeaders: IDataObject | undefined, pollIntervalMs: number): number {
	return Math.max(MIN_POLL_SPACING_MS, pollHintMs(createHeaders) ?? Math.min(FIRST_CHECK_MS, pollIntervalMs));
}

export class JobWatcher {
	private waiting = 0;
	private listUsable = true;
	private plannedCheckAt = 0;
	private batch?: Promise<Map<string, Checked> | undefined>;

	constructor(
		private readonly connection: Connection,
		/** The Extra Query Parameters of the list poll shared by all jobs. */
		private readonly sharedQuery: IDataObject = {},
	) {}

	/** Waits for one job; `query` is its item's Extra Query Parameters. */
	async wait(job: IDataObject, settings: WaitSettings, firstDelayMs: number, stop: AbortSignal): Promise<WaitOutcome> {
		const id = String(job.id);
		const deadline = Date.now() + settings.timeoutMs;
		let video = job;
		let delayMs = firstDelayMs;
		this.waiting++;
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
				delayMs = this.alignedDelayMs(Math.max(MIN_POLL_SPACING_MS, checked.hintMs ?? settings.pollIntervalMs));
			}
		} finally {
			this.waiting--;
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
		const listed = await this.fromList(id);
		if (listed) return listed;
		const request = requestTo(getEndpoint, { video_id: id }, { qs: settings.query, signal });
		const response = await apiRequest(this.connection, request, 'idempotent', settings.maxRetries);
		expectVideoJob(this.connection.context.getNode(), endpointLabel(getEndpoint), response.body);
		return { video: { ...(response.body as IDataObject) }, hintMs: pollHintMs(response.headers) };
	}

	/** The job's state from the shared list page, when several jobs wait and the server lists. */
	private async fromList(id: string): Promise<Checked | undefined> {
		if (!this.listUsable || this.waiting < 2) return undefined;
		// Jobs that come due while a page is on its way take that page: one request for all of them.
		this.batch ??= (async () => {
			await pause(BATCH_WINDOW_MS, this.connection.cancelSignal);
			try {
				return await this.fetchList();
			} finally {
				this.batch = undefined;
			}
		})();
		return (await this.batch)?.get(id);
	}

	private async fetchList(): Promise<Map<string, Checked> | undefined> {
		try {
			const page = await fetchVideoPage(this.connection, { order: 'desc', limit: LIST_PAGE_SIZE, query: this.sharedQuery, maxRetries: 0 });
			const hintMs = pollHintMs(page.headers);
			return new Map(page.videos.map((video) => [String(video.id), { video: { ...video }, hintMs }]));
		} catch {
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
