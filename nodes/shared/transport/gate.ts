import { MAX_TIMER_MS } from './limits';
import { pause } from './pause';

const MIN_SPACING_MS = 25;
const MAX_SPACING_MS = 2_000;

/**
 * Paces every request of this process that one credential sends to one origin: a rate limit
 * belongs to an account, not to a server. A 429 holds all of them back until its retry-after has
 * passed, then lets them through one by one with a spacing that grows on each 429 and shrinks on
 * success, so items do not all fire at the same moment again.
 */
class Gate {
	private nextSlotAt = 0;
	private spacingMs = 0;
	private widenedUntil = 0;

	async admit(signal?: AbortSignal): Promise<void> {
		for (let round = 0; round < 100 && !signal?.aborted; round++) {
			const now = Date.now();
			const waitMs = this.nextSlotAt - now;
			if (waitMs <= 0) {
				this.nextSlotAt = now + this.spacingMs;
				return;
			}
			await pause(waitMs + Math.random() * Math.max(this.spacingMs, MIN_SPACING_MS), signal);
		}
	}

	rateLimited(retryAfterMs: number): void {
		const now = Date.now();
		const waitMs = Math.min(retryAfterMs, MAX_TIMER_MS);
		const jitter = Math.random() * Math.min(250, waitMs * 0.1 + 20);
		this.nextSlotAt = Math.max(this.nextSlotAt, now + waitMs + jitter);
		// Many items hit the same limit at once: widen the spacing once per retry-after, not per 429.
		if (now >= this.widenedUntil) {
			this.spacingMs = Math.min(MAX_SPACING_MS, Math.max(MIN_SPACING_MS, this.spacingMs * 2));
			this.widenedUntil = now + Math.max(waitMs, MIN_SPACING_MS);
		}
	}

	succeeded(): void {
		if (this.spacingMs === 0) return;
		this.spacingMs = this.spacingMs * 0.95 < MIN_SPACING_MS / 2 ? 0 : this.spacingMs * 0.95;
	}

	get idle(): boolean {
		return this.spacingMs === 0 && this.nextSlotAt < Date.now();
	}
}

const MAX_GATES = 256;
/**
 * Process-wide on purpose: a rate limit outlives the execution that met it, and every execution
 * sending with that credential to that origin must hold back. Keyed by a connection's `gateKey`
 * (the origin and a digest of the credential's identity, never the key); idle gates are dropped
 * beyond MAX_GATES.
 */
const gates = new Map<string, Gate>();

export function gateOf(gateKey: string): Gate {
	let gate = gates.get(gateKey);
	if (!gate) {
		if (gates.size >= MAX_GATES) {
			for (const [key, entry] of gates) if (entry.idle) gates.delete(key);
		}
		gate = new Gate();
		gates.set(gateKey, gate);
	}
	return gate;
}

/** At most `limit` holders at once; the rest wait in order. */
export class Semaphore {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly limit: number) {}

	async acquire(): Promise<() => void> {
		if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.active++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.active--;
			this.waiting.shift()?.();
		};
	}

}

/** Runs `task` holding one of the connection's slots (at most MAX_CONCURRENT_REQUESTS of a node run). */
export async function withSlot<T>(slots: Semaphore, task: () => Promise<T>): Promise<T> {
	const release = await slots.acquire();
	try {
		return await task();
	} finally {
		release();
	}
}
