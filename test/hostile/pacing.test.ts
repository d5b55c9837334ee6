/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Issue 10, point 3 (pacing): long retry-afters fail at once (no timer overflows), polls are spaced
 * at least 500 ms apart whatever the server hints, and Cancel ends everything within a second.
 */
import type { ServerResponse } from 'node:http';

import type { INodeParameters } from 'n8n-workflow';

import { create, download, get } from './parameters';
import { hang, jobServer, runAgainst, sendJson, stalledFile, until, useHosts, video, type Received } from './servers';

const hosts = useHosts();

describe('retry-after has a cap; beyond it the node fails at once, saying when', () => {
	test.each([
		['retry-after: 86400 on a create', create(), { 'retry-after': '86400' }, 86_400],
		['retry-after: 86400 on a Get', get(), { 'retry-after': '86400' }, 86_400],
		['retry-after-ms beyond 2^31 ms', get(), { 'retry-after-ms': String(2 ** 32) }, 2 ** 32 / 1000],
		['retry-after seconds beyond 2^31 ms', get(), { 'retry-after': String(2 ** 31 / 1000 + 10) }, 2 ** 31 / 1000 + 10],
		['an HTTP date a day ahead', get(), () => ({ 'retry-after': new Date(Date.now() + 86_400_000).toUTCString() }), 86_400],
	])('%s', async (_name, parameters, headers, seconds) => {
		const headersNow = typeof headers === 'function' ? headers() : headers;
		hosts.home.handle = (_request, response) => sendJson(response, 429, { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, headersNow);

		const { error, ms } = await runAgainst(hosts.home, parameters);
		await new Promise((resolve) => setTimeout(resolve, 300));

		const allowedAt = /allows the next try only at (\S+) \(in (\d+) s\)/.exec(error?.message ?? '');
		expect(allowedAt).not.toBeNull();
		expect(Math.abs(Date.parse(allowedAt![1]) - (Date.now() + seconds * 1000))).toBeLessThan(60_000);
		expect(error?.description).toContain(`Run the workflow again after ${allowedAt![1]}`);
		// No sleep, and no timer overflow into a busy loop: one request, and none after the error.
		expect(hosts.home.requests).toHaveLength(1);
		expect(ms).toBeLessThan(5_000);
	});

	test('a 503 with a retry-after beyond 2^31 ms fails at once too', async () => {
		hosts.home.handle = (_request, response) => sendJson(response, 503, { error: { message: 'Overloaded' } }, { 'retry-after-ms': String(2 ** 31 + 1) });

		const { error } = await runAgainst(hosts.home, get());
		await new Promise((resolve) => setTimeout(resolve, 300));

		expect(error?.message).toMatch(/allows the next try only at/);
		expect(hosts.home.requests).toHaveLength(1);
	});

	test('a short retry-after is honoured', async () => {
		hosts.home.handle = (_request, response) => {
			if (hosts.home.requests.length === 1) return sendJson(response, 429, { error: { message: 'Rate limit reached' } }, { 'retry-after-ms': '400' });
			return sendJson(response, 200, video('video_1'));
		};

		const { error } = await runAgainst(hosts.home, get());

		expect(error).toBeUndefined();
		const [first, second] = hosts.home.requests;
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(390);
	});
});

describe('poll spacing', () => {
	test('openai-poll-after-ms: 1 still spaces polls at least 500 ms apart', async () => {
		hosts.home.handle = jobServer((_request, response) => sendJson(response, 200, video('video_new', 'in_progress'), { 'openai-poll-after-ms': '1' }));

		const { error, items } = await runAgainst(hosts.home, create({ waitTimeout: 3, onTimeout: 'returnJob' }));

		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('in_progress');
		const polls = hosts.home.requests.filter((request) => request.method === 'GET');
		const create_ = hosts.home.requests[0];
		const times = [create_, ...polls].map((request) => request.receivedAt);
		const gaps = times.slice(1).map((time, index) => time - times[index]);
		expect(polls.length).toBeGreaterThanOrEqual(3);
		expect(polls.length).toBeLessThanOrEqual(6);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(490);
	});

	test('a poll hint beyond 2^31 ms neither overflows into a busy loop nor outlives the Wait Timeout', async () => {
		hosts.home.handle = jobServer((_request, response) => sendJson(response, 200, video('video_new', 'in_progress')), String(2 ** 33));

		const { error, ms } = await runAgainst(hosts.home, create({ waitTimeout: 1, onTimeout: 'returnJob' }));

		expect(error).toBeUndefined();
		expect(hosts.home.requests.length).toBeLessThanOrEqual(2);
		expect(ms).toBeLessThan(6_000);
	});
});

describe('Cancel ends everything within a second', () => {
	/** Runs `parameters`, cancelling 200 ms after the first request `trigger` matches. */
	async function cancelDuring(parameters: INodeParameters, handle: (request: Received, response: ServerResponse) => unknown, trigger: (request: Received) => boolean) {
		let cancel: () => void = () => {};
		let cancelledAt = 0;
		hosts.home.handle = (request, response) => {
			if (trigger(request) && !cancelledAt) {
				cancelledAt = -1;
				setTimeout(() => {
					cancelledAt = Date.now();
					cancel();
				}, 200);
			}
			return handle(request, response);
		};
		const result = await runAgainst(hosts.home, parameters, { onStart: (stop) => (cancel = stop) });
		const endedAt = Date.now();
		const requestsAtEnd = hosts.home.requests.length;
		await until(() => hosts.home.requests.every((request) => request.closedAt !== undefined), 1_500);
		await new Promise((resolve) => setTimeout(resolve, 300));
		return { result, cancelledAt, endedAt, requestsAtEnd };
	}

	function expectEndedWithinASecond({ result, cancelledAt, endedAt, requestsAtEnd }: Awaited<ReturnType<typeof cancelDuring>>): void {
		expect(cancelledAt).toBeGreaterThan(0);
		expect(result.status).toBe('canceled');
		expect(endedAt - cancelledAt).toBeLessThan(1_000);
		// Every connection was closed within a second of the cancel, and no request came after.
		for (const request of hosts.home.requests) expect(request.closedAt! - cancelledAt).toBeLessThan(1_000);
		expect(hosts.home.requests).toHaveLength(requestsAtEnd);
	}

	test('while waiting between polls', async () => {
		const outcome = await cancelDuring(
			create({ pollInterval: 60, waitTimeout: 600 }),
			jobServer((_request, response) => sendJson(response, 200, video('video_new', 'in_progress')), '30000'),
			(request) => request.method === 'POST',
		);
		expectEndedWithinASecond(outcome);
		expect(outcome.requestsAtEnd).toBe(1);
	});

	test('while a status poll hangs', async () => {
		expectEndedWithinASecond(await cancelDuring(create({ waitTimeout: 600 }), jobServer(hang), (request) => request.method === 'GET'));
	});

	test('while a Get hangs', async () => {
		expectEndedWithinASecond(await cancelDuring(get(), hang, () => true));
	});

	test('while a download body stalls', async () => {
		expectEndedWithinASecond(await cancelDuring(download({ maxRetries: 3 }), stalledFile, () => true));
	});

	test('while sleeping out a retry-after', async () => {
		const outcome = await cancelDuring(
			get(),
			(_request, response) => sendJson(response, 429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '100' }),
			() => true,
		);
		expectEndedWithinASecond(outcome);
		expect(outcome.requestsAtEnd).toBe(1);
	});
});
