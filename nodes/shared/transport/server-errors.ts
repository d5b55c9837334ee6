/**
 * The message a user sees for an error answer: the server's own words, redacted, with what the
 * status means here (a missing route, a quota, a wrong key) and what to do.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { readErrorBody, serverMessageOf } from './error-body';
import { ServerError } from './errors';
import { redactErrorText } from './redact';
import { retryAfterMsOf, type FullResponse } from './response';

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
