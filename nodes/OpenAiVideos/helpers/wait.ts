import { NodeApiError, sleep } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { foreignApiError, headerValue } from '../transport/errors';
import { apiRequest, cancelSignalOf, type ApiContext } from '../transport/request';
import { jobStateOf, type JobState } from './status';

export interface WaitSettings {
	pollIntervalMs: number;
	timeoutMs: number;
	maxRetries: number;
}

export interface WaitOutcome {
	video: IDataObject;
	state: JobState | 'timedOut';
}

/** The server's hint for the next poll (`openai-poll-after-ms`), else the configured interval. */
function nextDelayMs(headers: IDataObject | undefined, fallbackMs: number): number {
	const hinted = Number(headerValue(headers, 'openai-poll-after-ms'));
	return Number.isFinite(hinted) && hinted > 0 ? hinted : fallbackMs;
}

function cancelled(context: ApiContext): boolean {
	return cancelSignalOf(context)?.aborted === true;
}

/**
 * Polls GET /videos/{id} until the job completes or fails, or the timeout passes. The first
 * check comes one interval after creation; there is no sleep once a final status is seen. The
 * ID polled is always the one the job was created with, whatever spelling the server answers.
 */
export async function waitForJob(context: ApiContext, job: IDataObject, settings: WaitSettings): Promise<WaitOutcome> {
	const id = String(job.id);
	const deadline = Date.now() + settings.timeoutMs;
	let video = job;
	let delayMs = settings.pollIntervalMs;
	while (jobStateOf(video) === 'running') {
		const remainingMs = deadline - Date.now();
		if (remainingMs <= 0) return { video, state: 'timedOut' };
		await sleep(Math.min(delayMs, remainingMs), cancelSignalOf(context));
		if (cancelled(context)) throw new NodeApiError(context.getNode(), { id }, { message: `Stopped waiting for video ${id}: the execution was cancelled` });
		try {
			const response = await apiRequest(
				context,
				{ method: 'GET', url: `/videos/${encodeURIComponent(id)}`, endpoint: 'GET /videos/{video_id}' },
				'idempotent',
				settings.maxRetries,
			);
			const foreign = foreignApiError(context.getNode(), 'GET /videos/{video_id}', response.body);
			if (foreign) throw foreign;
			video = { ...(response.body as IDataObject) };
			delayMs = nextDelayMs(response.headers, settings.pollIntervalMs);
		} catch (error) {
			throw new NodeApiError(context.getNode(), error as JsonObject, {
				message: `Waiting for video ${id} failed: ${(error as Error).message}`,
				description: `The job ${id} was created and may still finish; fetch it later with the Get operation.`,
			});
		}
	}
	return { video, state: jobStateOf(video) };
}

/** `jobId` is the ID the job was created with, whatever spelling the server answers later. */
export function failedJobError(context: ApiContext, video: IDataObject, jobId: string): NodeApiError {
	const error = (video.error ?? {}) as IDataObject;
	const code = error.code === undefined || error.code === null ? undefined : String(error.code);
	const message = typeof error.message === 'string' ? error.message : `the job ended with status "${String(video.status)}"`;
	return new NodeApiError(context.getNode(), video as JsonObject, {
		message: `Video job ${jobId} failed${code ? ` (${code})` : ''}: ${message}`,
		description: 'Change the prompt or the reference and start a new job; the failed job is not billed again.',
	});
}

export function timeoutError(context: ApiContext, video: IDataObject, jobId: string, timeoutMs: number): NodeApiError {
	const progress = video.progress === undefined || video.progress === null ? '' : `, ${String(video.progress)}% done`;
	return new NodeApiError(context.getNode(), video as JsonObject, {
		message: `Video job ${jobId} is still ${String(video.status)}${progress} after waiting ${Math.round(timeoutMs / 1000)} s`,
		description: `The job keeps running and may still finish: fetch it later with the Get operation (ID ${jobId}), raise the Wait Timeout option, or set On Timeout to Return Job.`,
	});
}
