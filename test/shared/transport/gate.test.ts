/** The rate-limit gate and the connection slots, on the real clock with short times (no servers). */
import { gateOf, Semaphore, withSlot } from '../../../nodes/shared/transport/gate';

test('a 429 holds every request to that origin until its retry-after has passed; other origins go on', async () => {
	const limited = gateOf('http://limited.test');
	const other = gateOf('http://other.test');
	limited.rateLimited(300);

	const started = Date.now();
	await other.admit();
	const otherWaited = Date.now() - started;
	await limited.admit();
	const limitedWaited = Date.now() - started;

	expect(otherWaited).toBeLessThan(limitedWaited);
	expect(limitedWaited).toBeGreaterThanOrEqual(300);
});

test('the same origin gives the same gate', () => {
	expect(gateOf('http://same.test')).toBe(gateOf('http://same.test'));
});

test('a cancelled wait at the gate ends at once', async () => {
	const gate = gateOf('http://cancelled.test');
	gate.rateLimited(60_000);
	const cancel = new AbortController();
	const waiting = gate.admit(cancel.signal);
	cancel.abort();
	await expect(waiting).resolves.toBeUndefined();
});

test('slots: at most the limit at once, the rest in order', async () => {
	const slots = new Semaphore(2);
	let active = 0;
	let most = 0;
	const order: number[] = [];
	await Promise.all(
		[0, 1, 2, 3, 4].map(async (index) =>
			await withSlot(slots, async () => {
				active++;
				most = Math.max(most, active);
				await new Promise((resolve) => setImmediate(resolve));
				order.push(index);
				active--;
			}),
		),
	);
	expect(most).toBe(2);
	expect(order).toEqual([0, 1, 2, 3, 4]);
});
