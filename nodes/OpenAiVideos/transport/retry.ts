import { NodeApiError, sleep } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { ServerError } from './errors';

/**
 * `idempotent`: reads and deletes, safe to send again.
 * `startsPaidJob`: creates; sent again only when the server provably did not take the first one.
 */
export type RetryPolicy = 'idempotent' | 'startsPaidJob';

export interface RetrySettings {
	node: INode;
	maxRetries: number;
	signal?: AbortSignal;
}

const CONNECTION_ERRORS = ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'ENETUNREACH'];
const MAX_BACKOFF_MS = 30_000;

function errorCodeOf(error: unknown): string | undefined {
	for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z]+$/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

export function isRetryable(error: unknown, policy: RetryPolicy): boolean {
	if (error instanceof ServerError) {
		if (error.status === 429) return true;
		return policy === 'idempotent' && error.status >= 500;
	}
	const code = errorCodeOf(error);
	// A refused connection never reached the server, so even a paid job was not started.
	if (code === 'ECONNREFUSED') return true;
	return policy === 'idempotent' && code !== undefined && CONNECTION_ERRORS.includes(code);
}

export function retryDelayMs(error: unknown, attempt: number): number {
	if (error instanceof ServerError && error.retryAfterMs !== undefined) return error.retryAfterMs;
	const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Runs `send` until it succeeds, fails for good, or the retries are used up. */
export async function withRetries<T>(send: () => Promise<T>, policy: RetryPolicy, settings: RetrySettings): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			if (attempt >= settings.maxRetries || settings.signal?.aborted || !isRetryable(error, policy)) {
				// A NodeApiError is handed back as it is; anything else gets wrapped into one.
				throw new NodeApiError(settings.node, error as JsonObject);
			}
			await sleep(retryDelayMs(error, attempt), settings.signal);
		}
	}
}
