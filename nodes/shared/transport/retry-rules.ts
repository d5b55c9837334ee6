/**
 * Which failed requests are sent again, and how long to wait before. Reads and deletes
 * (`idempotent`) retry on 408, 429, 5xx, broken connections and bodies that broke off. Requests that
 * start a paid job (`startsPaidJob`) retry only where the server provably did not take the first
 * one: a 429 or a refused connection. Quota 429s never retry.
 */
import { ServerError, TransportError } from './errors';
import { MAX_BACKOFF_MS } from './limits';

export type RetryPolicy = 'idempotent' | 'startsPaidJob';

export function isRateLimit(error: unknown): error is ServerError {
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

/** Exponential backoff with jitter: 0.5 s doubling up to 30 s, each wait between half and all of it. */
export function backoffMs(attempt: number, random = Math.random): number {
	const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
