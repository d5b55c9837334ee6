/**
 * The errors about one video job, from one factory: each names the job's ID and says what became
 * of the job, so nobody pays for it twice. Also the check that an answer is a video job at all.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

export type JobProblem =
	/** The job ended as failed (or cancelled, expired). */
	| { kind: 'failed'; video: IDataObject }
	/** Still running when the Wait Timeout ran out. */
	| { kind: 'timedOut'; video: IDataObject; timeoutMs: number }
	/** The run stopped waiting: cancelled, or another item failed with On Error = stop. */
	| { kind: 'stopped'; video: IDataObject; why: string }
	/** A status check failed for good. */
	| { kind: 'checkFailed'; cause: NodeApiError }
	/** Every try of the download broke off. */
	| { kind: 'downloadBroken'; problem: string; tries: number };

function stateOf(video: IDataObject): string {
	const progress = video.progress === undefined || video.progress === null ? '' : `, ${String(video.progress)}% done`;
	return `${String(video.status)}${progress}`;
}

function wordsFor(jobId: string, problem: JobProblem): { message: string; description: string; code?: string; httpCode?: string } {
	switch (problem.kind) {
		case 'failed': {
			const error = (problem.video.error ?? {}) as IDataObject;
			const code = error.code === undefined || error.code === null ? undefined : String(error.code);
			const why = typeof error.message === 'string' ? error.message : `the job ended with status "${String(problem.video.status)}"`;
			return {
				message: `Video job ${jobId} failed${code ? ` (${code})` : ''}: ${why}`,
				description: 'Change the prompt or the reference and start a new job; the failed job is not billed again.',
				code,
			};
		}
		case 'timedOut':
			return {
				message: `Video job ${jobId} is still ${stateOf(problem.video)} after waiting ${Math.round(problem.timeoutMs / 1000)} s`,
				description: `The job keeps running and may still finish: fetch it later with the Get operation (ID ${jobId}), raise the Wait Timeout option, or set On Timeout to Return Job.`,
			};
		case 'stopped':
			return {
				message: `Stopped waiting for video ${jobId} (last status ${String(problem.video.status)}): ${problem.why}`,
				description: `The job ${jobId} keeps running on the server; fetch it later with the Get operation.`,
			};
		case 'checkFailed':
			return {
				message: `Waiting for video ${jobId} failed: ${problem.cause.message}`,
				description: `The job ${jobId} was created and may still finish; fetch it later with the Get operation (ID ${jobId}). ${problem.cause.description ?? ''}`.trim(),
				httpCode: problem.cause.httpCode ?? undefined,
			};
		case 'downloadBroken':
			return {
				message: `The download of video ${jobId} ${problem.problem} (${problem.tries} ${problem.tries === 1 ? 'try' : 'tries'})`,
				description: `The video is still on the server: download it later with the Download operation (ID ${jobId}).`,
			};
	}
}

/** `jobId` is the ID the job was created with, whatever spelling the server answers later. */
export function jobError(node: INode, jobId: string, problem: JobProblem): NodeApiError {
	const { message, description, code, httpCode } = wordsFor(jobId, problem);
	return new NodeApiError(node, { videoId: jobId, code: code ?? null, httpCode: httpCode ?? null } as JsonObject, { message, description, httpCode });
}

/**
 * Throws when an answer is no video job: the server is not the OpenAI Videos API (OpenRouter,
 * Azure's older jobs API).
 */
export function expectVideoJob(node: INode, endpoint: string, body: unknown): void {
	const data = (body ?? {}) as IDataObject;
	const isVideo = typeof data.id === 'string' || typeof data.id === 'number';
	const foreign = !isVideo || data.polling_url !== undefined || /generation\.job/.test(String(data.object ?? ''));
	if (!foreign) return;
	throw new NodeApiError(node, { endpoint }, {
		message: `This server does not speak the OpenAI Videos API: its answer to ${endpoint} is not a video job`,
		description: `It answered ${JSON.stringify(body).slice(0, 300)}. Point the credential's Base URL at a server that serves the OpenAI Videos API (e.g. a LiteLLM proxy, or https://{resource}.openai.azure.com/openai/v1).`,
	});
}
