/**
 * The errors about one video job, from one factory: each names the job's ID and says what became
 * of the job, so nobody pays for it twice. Also the check that an answer is a video job at all, and
 * the error of a create answered with something else (it names the job the server may have started).
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

const FOREIGN_API = 'This server does not speak the OpenAI Videos API';
const POINT_BASE_URL =
	"Point the credential's Base URL at a server that serves the OpenAI Videos API (e.g. a LiteLLM proxy, or https://{resource}.openai.azure.com/openai/v1).";

/** The fields in which servers name a job they started, in the order they are looked at. */
const JOB_ID_FIELDS = ['id', 'task_id', 'video_id', 'job_id', 'generation_id', 'request_id'];

function objectOf(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** Another API's job: OpenRouter's (a polling_url), Azure's older jobs API (object video.generation.job). */
function isForeignJob(data: IDataObject): boolean {
	return data.polling_url !== undefined || /generation\.job/.test(String(data.object ?? ''));
}

/** Whether an answer is a video job of this API: an object with an ID and no mark of another API. */
export function isVideoJob(body: unknown): body is IDataObject {
	const data = objectOf(body);
	return data !== undefined && (typeof data.id === 'string' || typeof data.id === 'number') && !isForeignJob(data);
}

/**
 * Throws when an answer is no video job: the server is not the OpenAI Videos API (OpenRouter,
 * Azure's older jobs API).
 */
export function expectVideoJob(node: INode, endpoint: string, body: unknown): void {
	if (isVideoJob(body)) return;
	throw new NodeApiError(node, { endpoint }, {
		message: `${FOREIGN_API}: its answer to ${endpoint} is not a video job`,
		description: `It answered ${JSON.stringify(body).slice(0, 300)}. ${POINT_BASE_URL}`,
	});
}

/** The ID a create's answer names (its field, e.g. task_id or data.task_id), at the top or inside `data`. */
function namedJobOf(body: unknown): { field: string; id: string } | undefined {
	const top = objectOf(body);
	const inner = Array.isArray(top?.data) ? objectOf(top.data[0]) : objectOf(top?.data);
	for (const [scope, data] of [['', top], ['data.', inner]] as const) {
		for (const field of JOB_ID_FIELDS) {
			const value = data?.[field];
			const usable = (typeof value === 'string' && value.trim() !== '' && value.length <= 500) || (typeof value === 'number' && Number.isFinite(value));
			if (usable) return { field: `${scope}${field}`, id: String(value).trim() };
		}
	}
	return undefined;
}

/**
 * The error of a create answered 2xx with something that is not a video job. A server took the
 * request, so it may have started a paid job: `jobId` is the ID it named (task_id, id, video_id…),
 * for the run to keep; without one the error says the server may have started a job it did not name.
 */
export function notAJobAnswer(node: INode, endpoint: string, body: unknown): { jobId?: string; error: NodeApiError } {
	const answered = `It answered ${JSON.stringify(body ?? null).slice(0, 300)}.`;
	const data = objectOf(body);
	const what = data && isForeignJob(data) ? `${FOREIGN_API}: its answer to ${endpoint} is not a video job` : `${endpoint} was answered with something that is not a video job`;
	const named = namedJobOf(body);
	if (!named) {
		return {
			error: new NodeApiError(node, { endpoint }, {
				message: `${what}, and it names no job: the server may have started a job it did not name`,
				description: `${answered} The request is not sent again, not even by Retry On Fail, so that nobody pays twice: look for the job on the server before running this item again. ${POINT_BASE_URL}`,
			}),
		};
	}
	return {
		jobId: named.id,
		error: new NodeApiError(node, { endpoint, videoId: named.id }, {
			message: `${what}, but it names ${named.id} (${named.field}): the server may have started a paid job ${named.id}`,
			description: `${answered} The request is not sent again: this run keeps ${named.id}, and Retry On Fail resumes it (GET /videos/${named.id}) instead of paying for a new job. ${POINT_BASE_URL}`,
		}),
	};
}
