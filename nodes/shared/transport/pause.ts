import { sleep } from 'n8n-workflow';

import { MAX_TIMER_MS } from './limits';

/** A sleep that never overflows a timer and ends at once when the signal aborts (resolving). */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) return;
	const duration = Math.min(MAX_TIMER_MS, Math.max(0, Number.isFinite(ms) ? ms : 0));
	try {
		await sleep(duration, signal);
	} catch {
		// Aborted: the caller checks the signal.
	}
}
