/**
 * When a request is sent again. Reads and deletes (`idempotent`) retry on 429, 5xx and broken
 * connections. Requests that start a paid job (`startsPaidJob`) retry only where the server
 * provably did not take the first one: a 429 or a refused connection. A 429 holds back every
 * request to that origin (gate.ts); quota 429s and retry-afters beyond the cap fail at once.
 */

import { asNodeError, ServerError, TransportError, type FullResponse } from './errors';
import { gateOf, withConnectionSlot } from './gate';
import { MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS } from './limits';
import { pause } from './pause';
import { send, type ApiRequest, type Connection } from './request';

export type RetryPolicy = 'idempotent' | 'startsPaidJob';

/** Rate limits clear by themselves: they get more tries than other errors. */
const RATE_LIMIT_TRIES_PER_RETRY = 4;

function isRateLimit(error: unknown): error is ServerError {
	return error instanceof ServerError && error.status === 429 && !error.isQuota;
}

export function isRetryable(error: unknown, policy: RetryPolicy): boolean {
	if (error instanceof ServerError) {
		if (error.status === 429) return !error.isQuota;
		return policy === 'idempotent' && (error.status >= 500 || error.status === 408);
	}
	if (error instanceof TransportError) {
		if (error.code === 'CANCELLED' || error.code === 'DEADLINE' || error.code.startsWith('ERR_')) return false;
		return !error.maybeReceived || policy === 'idempotent';
	}
	return false;
}

/**
 * Whether a failed request that starts a paid job may have started it all the same: the server
 * failed (5xx) or the answer never came. Such a request is never sent again.
 */
export function mayHaveStartedJob(error: unknown): boolean {
	if (error instanceof ServerError) return error.status >= 500;
	return error instanceof TransportError && error.maybeReceived && error.code !== 'DEADLINE' && !error.code.startsWith('ERR_');
}

export function backoffMs(attempt: number): number {
	const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function retryAfterTooLong(error: ServerError, retryAfterMs: number): ServerError {
	const allowedAt = new Date(Date.now() + retryAfterMs).toISOString();
	error.message = `${error.message} — the server allows the next try only at ${allowedAt} (in ${Math.round(retryAfterMs / 1000)} s), later than this node waits (${MAX_RETRY_AFTER_MS / 1000} s)`;
	error.description = `${error.description ?? ''} Run the workflow again after ${allowedAt}.`.trim();
	return error;
}

/** Sends the request, retrying as the policy allows, paced by the origin's gate. */
export async function apiRequest(
	connection: Connection,
	request: ApiRequest,
	policy: RetryPolicy,
	maxRetries: number,
): Promise<FullResponse> {
	const gate = gateOf(connection.origin);
	const node = connection.context.getNode();
	let failures = 0;
	let rateLimits = 0;
	for (;;) {
		await gate.admit(connection.cancelSignal);
		try {
			return await withConnectionSlot(connection.runKey, async () => await send(connection, request));
		} catch (error) {
			const retryAfterMs = error instanceof ServerError ? error.retryAfterMs : undefined;
			if (isRateLimit(error)) {
				if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) throw retryAfterTooLong(error, retryAfterMs);
				gate.rateLimited(retryAfterMs ?? backoffMs(rateLimits));
				rateLimits++;
				if (rateLimits > maxRetries * RATE_LIMIT_TRIES_PER_RETRY) throw asNodeError(node, error);
				continue;
			}
			failures++;
			if (failures > maxRetries || connection.cancelSignal?.aborted || !isRetryable(error, policy)) throw asNodeError(node, error);
			if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) throw retryAfterTooLong(error as ServerError, retryAfterMs);
			await pause(retryAfterMs ?? backoffMs(failures - 1), connection.cancelSignal);
		}
	}
}
