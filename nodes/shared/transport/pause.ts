import * as n8nWorkflow from 'n8n-workflow';

import { MAX_TIMER_MS } from './limits';

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Timer signals still waiting: AbortSignal.timeout holds its signal weakly, so something must hold it. */
const waiting = new Set<AbortSignal>();

/**
 * A sleep without n8n-workflow and without the timer globals n8n's lint forbids in node code:
 * AbortSignal.timeout's abort event ends it; so does the caller's signal (resolving, not rejecting).
 */
export async function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) return;
	const timer = AbortSignal.timeout(ms);
	waiting.add(timer);
	let done = () => {};
	try {
		await new Promise<void>((resolve) => {
			done = resolve;
			timer.addEventListener('abort', done, { once: true });
			signal?.addEventListener('abort', done, { once: true });
		});
	} finally {
		waiting.delete(timer);
		// The caller's signal often outlives many pauses (an execution's cancel signal): leave no listener on it.
		signal?.removeEventListener('abort', done);
	}
}

/**
 * n8n-workflow's `sleep` when it exports one, else timerSleep. n8n-workflow 2.41 keeps `sleep` "only
 * as a backwards-compat layer for community nodes" (n8n's own code moved to @n8n/utils): a later n8n
 * may drop it, and the nodes keep working either way (docs/n8n-3.md).
 */
export function sleepFrom(workflow: { sleep?: unknown }): Sleep {
	return typeof workflow.sleep === 'function' ? (workflow.sleep as Sleep) : timerSleep;
}

const sleep = sleepFrom(n8nWorkflow);

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
