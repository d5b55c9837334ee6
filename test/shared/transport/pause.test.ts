/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * The pause helper with and without n8n-workflow's `sleep` (which a later n8n may drop): both ways
 * it waits, and the caller's signal ends it at once.
 */
import { getEventListeners } from 'node:events';

import * as n8nWorkflow from 'n8n-workflow';

import { pause, sleepFrom, timerSleep } from '../../../nodes/shared/transport/pause';

/** Settles `promise` or says it is still pending after the microtasks and one macrotask turn. */
async function stateOf(promise: Promise<unknown>): Promise<'settled' | 'pending'> {
	let settled = false;
	promise.then(
		() => (settled = true),
		() => (settled = true),
	);
	await new Promise((resolve) => setImmediate(resolve));
	return settled ? 'settled' : 'pending';
}

/** A 10-minute wait is still pending, then resolves at once when its signal aborts. */
async function expectEndsOnAbort(wait: (ms: number, signal: AbortSignal) => Promise<void>): Promise<void> {
	const controller = new AbortController();
	const waiting = wait(600_000, controller.signal);
	expect(await stateOf(waiting)).toBe('pending');
	controller.abort();
	await expect(waiting).resolves.toBeUndefined();
}

describe('sleepFrom', () => {
	it("takes n8n-workflow's sleep when it exports one", () => {
		const sleep = async () => {};
		expect(sleepFrom({ sleep })).toBe(sleep);
	});

	it('falls back to timerSleep when n8n-workflow has no sleep', () => {
		expect(sleepFrom({})).toBe(timerSleep);
		expect(sleepFrom({ sleep: 'not a function' })).toBe(timerSleep);
	});

	it("takes the installed n8n-workflow's sleep today", () => {
		expect(sleepFrom(n8nWorkflow)).toBe(n8nWorkflow.sleep);
	});
});

describe('timerSleep (no n8n-workflow sleep)', () => {
	it('waits, then resolves', async () => {
		const sleeping = timerSleep(50);
		expect(await stateOf(sleeping)).toBe('pending');
		await expect(sleeping).resolves.toBeUndefined();
	});

	it("ends at once when the caller's signal aborts", () => expectEndsOnAbort(timerSleep));

	it('does not start when the signal has aborted already', async () => {
		expect(await stateOf(timerSleep(600_000, AbortSignal.abort()))).toBe('settled');
	});
});

describe('pause, with the sleep it picked', () => {
	it("ends at once when the caller's signal aborts", () => expectEndsOnAbort(pause));

	/** pause.ts loaded anew over an n8n-workflow whose `sleep` is the given value. */
	async function pauseOver(sleep: unknown): Promise<typeof pause> {
		let loaded: typeof pause | undefined;
		await jest.isolateModulesAsync(async () => {
			jest.doMock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep }));
			loaded = (await import('../../../nodes/shared/transport/pause')).pause;
		});
		jest.dontMock('n8n-workflow');
		return loaded!;
	}

	afterEach(() => jest.restoreAllMocks());

	it("calls n8n-workflow's sleep when it exports one", async () => {
		const sleep = jest.fn(async () => {});
		const timeouts = jest.spyOn(AbortSignal, 'timeout');
		await (await pauseOver(sleep))(1234);
		expect(sleep).toHaveBeenCalledWith(1234, undefined);
		expect(timeouts).not.toHaveBeenCalled();
	});

	it('runs on an AbortSignal.timeout when n8n-workflow has no sleep, and still ends on abort', async () => {
		const timeouts = jest.spyOn(AbortSignal, 'timeout');
		const pauseWithoutSleep = await pauseOver(undefined);
		await expectEndsOnAbort(pauseWithoutSleep);
		expect(timeouts).toHaveBeenCalledWith(600_000);
		await expect(pauseWithoutSleep(20)).resolves.toBeUndefined();
		expect(timeouts).toHaveBeenLastCalledWith(20);
	});
});

test('timerSleep leaves no listener on a signal that outlives it', async () => {
	const execution = new AbortController();
	for (let round = 0; round < 5; round++) await timerSleep(1, execution.signal);
	expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
});
