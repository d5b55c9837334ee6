import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { MAX_ERROR_BODY_BYTES } from './limits';
import { redactErrorText } from './redact';

/** A response as n8n's HTTP helper returns it with `returnFullResponse`. */
export interface FullResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** An HTTP error answer of the server, with what a retry needs to know. */
export class ServerError extends NodeApiError {
	/** A 429 about quota or billing, which retrying does not fix. */
	readonly isQuota: boolean;

	constructor(
		node: INode,
		readonly status: number,
		/** The server's own words about the error. */
		readonly serverText: string,
		message: string,
		readonly retryAfterMs: number | undefined,
		details: JsonObject,
	) {
		super(node, details, { message, httpCode: String(status), description: details.serverMessage as string });
		// NodeApiError swaps a message that mentions ECONNREFUSED, ETIMEDOUT… for a generic one.
		this.message = message;
		this.isQuota = details.quota === true;
		// Shown and serialized by n8n as the NodeApiError it is.
		this.name = 'NodeApiError';
	}
}

function isReadable(body: unknown): body is AsyncIterable<Buffer> & { destroy(): void } {
	return typeof (body as { pipe?: unknown })?.pipe === 'function';
}

/** Reads a (possibly streamed) error body, at most 64 KiB of it, as parsed JSON or text. */
export async function readErrorBody(body: unknown): Promise<unknown> {
	let text: string;
	if (isReadable(body)) {
		const chunks: Buffer[] = [];
		let size = 0;
		try {
			for await (const chunk of body) {
				chunks.push(Buffer.from(chunk));
				size += chunk.length;
				if (size >= MAX_ERROR_BODY_BYTES) break;
			}
		} catch {
			// A body cut short: what arrived is all there is to tell.
		}
		body.destroy();
		text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY_BYTES);
	} else if (Buffer.isBuffer(body) || body instanceof ArrayBuffer) {
		text = Buffer.from(body as Buffer).toString('utf8');
	} else if (typeof body === 'string') {
		text = body;
	} else {
		return body;
	}
	try {
		return JSON.parse(text);
	} catch {
		return text.trim();
	}
}

/** The server's own words from any of the error shapes servers use. */
export function serverMessageOf(body: unknown): { message?: string; code?: string; type?: string } {
	if (typeof body === 'string') return { message: body.slice(0, 500) || undefined };
	if (!body || typeof body !== 'object') return {};
	const data = body as IDataObject;
	const error = data.error;
	if (error && typeof error === 'object') {
		const { message, code, type } = error as IDataObject;
		return {
			message: typeof message === 'string' ? message : undefined,
			code: code === undefined || code === null ? undefined : String(code),
			type: typeof type === 'string' ? type : undefined,
		};
	}
	if (typeof error === 'string') return { message: error };
	const detail = data.detail ?? data.message;
	if (typeof detail === 'string') return { message: detail };
	if (detail !== undefined) return { message: JSON.stringify(detail).slice(0, 500) };
	return {};
}

export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return String(Array.isArray(value) ? value[0] : value);
}

/** `retry-after-ms` or `retry-after` (seconds or an HTTP date), in milliseconds. */
export function retryAfterMsOf(headers: IDataObject | undefined): number | undefined {
	const ms = Number(headerValue(headers, 'retry-after-ms'));
	if (Number.isFinite(ms) && ms >= 0) return ms;
	const after = headerValue(headers, 'retry-after');
	if (after === undefined) return undefined;
	const seconds = Number(after);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(after);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const QUOTA_CODES = ['insufficient_quota', 'billing_hard_limit_reached', 'billing_not_active', 'quota_exceeded', 'access_terminated'];

/** A 429 that is about money, not speed: retrying does not help. */
function isQuotaCode(code: string | undefined, type: string | undefined, text: string): boolean {
	return [code, type].some((value) => value !== undefined && QUOTA_CODES.includes(value.toLowerCase())) || /insufficient[_ ]quota|exceeded your current quota/i.test(text);
}

function hintFor(status: number): string {
	if (status === 401 || status === 403)
		return 'Check the API key (and the auth header type) in the OpenAI Videos credential.';
	if (status === 404) return 'Check the ID and that the base URL points at a server of this API.';
	if (status === 429) return 'The server is rate limiting; space the requests out or retry later.';
	if (status >= 500) return 'The server failed; try again later.';
	return 'Check the parameters of the node.';
}

/**
 * The 404 message of a router that lacks the route: one-api's (New API and other gateways built on
 * it) and OpenAI's own, e.g. {"error":{"message":"Invalid URL (GET /v1/videos)","type":"invalid_request_error"}}.
 */
const INVALID_URL_MESSAGE = /^Invalid URL \([A-Z]+ \/[\s\S]*\)$/;

/**
 * No such route: a 405, or a 404 that is the web framework's own page (plain text, FastAPI's
 * {"detail":"Not Found"}, an empty object) or a router's "Invalid URL (METHOD /path)" rather than
 * an API error about the resource.
 */
function isMissingRoute(status: number, body: unknown): boolean {
	if (status === 405) return true;
	if (status !== 404) return false;
	if (body === undefined || body === null || typeof body === 'string') return true;
	const data = body as IDataObject;
	const error = data.error as IDataObject | undefined;
	if (error && typeof error === 'object' && typeof error.message === 'string') return INVALID_URL_MESSAGE.test(error.message);
	return data.error === undefined && (data.detail === 'Not Found' || Object.keys(data).length === 0);
}

/** Turns an error answer into a ServerError that carries the server's message, code and status. */
export async function toServerError(
	node: INode,
	response: FullResponse,
	endpoint: string,
	secrets: string[] = [],
): Promise<ServerError> {
	const body = await readErrorBody(response.body);
	const server = serverMessageOf(body);
	const message = server.message === undefined ? undefined : redactErrorText(server.message, secrets);
	const code = server.code === undefined ? undefined : redactErrorText(server.code, secrets);
	const type = server.type;
	const status = response.statusCode;
	const text = message ?? `HTTP ${status}`;
	const details = { code: code ?? null, type: type ?? null, status };
	const retryAfterMs = retryAfterMsOf(response.headers);
	if (isMissingRoute(status, body)) {
		return new ServerError(node, status, text, `The server does not offer ${endpoint} (HTTP ${status})`, retryAfterMs, {
			...details,
			serverMessage: `${text} — This server carries only part of the OpenAI Videos API, so this operation cannot be used with it.`,
		});
	}
	if (status === 429 && isQuotaCode(code, type, text)) {
		return new ServerError(node, status, text, `The server refused for lack of quota or billing (${code ?? type ?? 429}): ${text}`, undefined, {
			...details,
			quota: true,
			serverMessage: `${text} — This does not fix itself: add credit or raise the limits of the account behind the key, then run the workflow again.`,
		});
	}
	const prefix = status === 401 || status === 403 ? 'The server rejected the API key' : `${endpoint} failed`;
	return new ServerError(node, status, text, `${prefix} (${status}${code ? `, ${code}` : ''}): ${text}`, retryAfterMs, {
		...details,
		serverMessage: `${text} — ${hintFor(status)}`,
	});
}

export const TIMED_OUT_DESCRIPTION = 'The server did not answer within the Request Timeout option. It may be overloaded or stuck.';

const CONNECTION_CODE = /^(E[A-Z]+|ERR_[A-Z_]+)$/;

function errorCodeOf(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown; name?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && CONNECTION_CODE.test(current.code)) return current.code;
		if (current.name === 'AbortError' || current.name === 'TimeoutError') return String(current.name);
		current = current.cause as typeof current;
	}
	return undefined;
}

interface RequestFacts {
	endpoint: string;
	signal?: AbortSignal;
}

interface ConnectionFacts {
	secrets: string[];
	timeoutMs: number;
	cancelSignal?: AbortSignal;
}

/**
 * A request that got no (usable) answer: refused, reset, timed out, stopped. Built from our own
 * words only: n8n's error of the HTTP layer carries the request's headers, the key among them.
 */
export class TransportError extends NodeApiError {
	constructor(
		node: INode,
		message: string,
		readonly code: string,
		description?: string,
	) {
		super(node, { code } as JsonObject, { message, description });
		// NodeApiError swaps the message for a generic one when the code is ETIMEDOUT, ECONNRESET…
		this.message = message;
		this.name = 'NodeApiError';
	}

	/** Whether the request may have reached the server: it was sent, then the answer failed. */
	get maybeReceived(): boolean {
		return this.code !== 'ECONNREFUSED' && this.code !== 'ENOTFOUND' && this.code !== 'EAI_AGAIN' && this.code !== 'CANCELLED';
	}

	static from(node: INode, error: unknown, request: RequestFacts, connection: ConnectionFacts): TransportError {
		if (connection.cancelSignal?.aborted) {
			return new TransportError(node, `${request.endpoint} stopped: the execution was cancelled`, 'CANCELLED');
		}
		if (request.signal?.aborted) {
			return new TransportError(node, `${request.endpoint} got no answer before the wait's deadline`, 'DEADLINE');
		}
		const code = errorCodeOf(error) ?? 'EUNKNOWN';
		const seconds = Math.round(connection.timeoutMs / 1000);
		if (code === 'TimeoutError' || code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String((error as Error)?.message))) {
			return new TransportError(node, `${request.endpoint} got no answer within ${seconds} s`, 'ETIMEDOUT', TIMED_OUT_DESCRIPTION);
		}
		const text = redactErrorText(String((error as Error)?.message ?? error), connection.secrets).slice(0, 300);
		return new TransportError(node, `${request.endpoint} failed: ${text}`, code, 'The connection to the server failed.');
	}
}

/** An error as n8n shows it: ours are NodeApiErrors or NodeOperationErrors already. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(node, { message: String((error as Error)?.message ?? error) } as JsonObject, {
		message: String((error as Error)?.message ?? error),
	});
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
