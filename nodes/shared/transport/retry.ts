/**
 * The one retry layer: sends a request and, when `consume` is given, reads its answer (a download's
 * body), retrying both as the policy allows (retry-rules.ts), paced by the gate of its origin and
 * credential. A 429 holds back every request of that credential to that origin (gate.ts), and no
 * other credential's; retry-afters beyond the cap fail at once.
 */
import { asNodeError, ServerError } from './errors';
import { gateOf, withSlot } from './gate';
import { MAX_RETRY_AFTER_MS } from './limits';
import { pause } from './pause';
import { send, type ApiRequest, type Connection } from './request';
import type { FullResponse } from './response';
import { backoffMs, isRateLimit, isRetryable, type RetryPolicy } from './retry-rules';

export type { RetryPolicy } from './retry-rules';

/** Rate limits clear by themselves: they get more tries than other errors. */
const RATE_LIMIT_TRIES_PER_RETRY = 4;

function retryAfterTooLong(error: ServerError, retryAfterMs: number): ServerError {
	const allowedAt = new Date(Date.now() + retryAfterMs).toISOString();
	error.message = `${error.message} — the server allows the next try only at ${allowedAt} (in ${Math.round(retryAfterMs / 1000)} s), later than this node waits (${MAX_RETRY_AFTER_MS / 1000} s)`;
	error.description = `${error.description ?? ''} Run the workflow again after ${allowedAt}.`.trim();
	return error;
}

/**
 * Sends the request, retrying as the policy allows. With `consume`, each answer is read by it while
 * the request still holds its connection slot; an error it throws (a body that broke off) is
 * retried like a failed send.
 */
export async function apiRequest<T = FullResponse>(
	connection: Connection,
	request: ApiRequest,
	policy: RetryPolicy,
	maxRetries: number,
	consume?: (response: FullResponse) => Promise<T>,
): Promise<T> {
	const gate = gateOf(connection.gateKey);
	const node = connection.context.getNode();
	let failures = 0;
	let rateLimits = 0;
	for (;;) {
		await gate.admit(connection.cancelSignal);
		try {
			return await withSlot(connection.slots, async () => {
				const response = await send(connection, request);
				return consume ? await consume(response) : (response as T);
			});
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
