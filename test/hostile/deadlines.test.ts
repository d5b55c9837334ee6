/**
 * Issue 10, point 3: hard deadlines. Wait Timeout bounds stuck polls, every request has a timeout,
 * a stalled download body fails and is retried, long retry-afters fail at once (no timer
 * overflows), polls are spaced at least 500 ms apart, and Cancel ends everything within a second.
 */
import type { ServerResponse } from 'node:http';

import type { INodeParameters } from 'n8n-workflow';

import { hang, MP4, runAgainst, sendJson, useHosts, video, type Received } from './servers';

const hosts = useHosts();

const create = (options: INodeParameters = {}, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'create',
	prompt: 'A lighthouse',
	downloadResult: false,
	...extra,
	options: { pollInterval: 1, waitTimeout: 2, maxRetries: 3, ...options },
});
const get = (options: INodeParameters = {}): INodeParameters => ({ resource: 'video', operation: 'get', videoId: 'video_1', options: { maxRetries: 3, ...options } });
const download = (options: INodeParameters = {}): INodeParameters => ({ resource: 'video', operation: 'download', videoId: 'video_1', options: { maxRetries: 1, ...options } });

/** Creates answer a queued job (with a poll hint); everything else goes to `rest`. */
function jobServer(rest: (request: Received, response: ServerResponse) => unknown, hintMs = '1') {
	return (request: Received, response: ServerResponse) => {
		if (request.method === 'POST') return sendJson(response, 200, video('video_new', 'queued'), { 'openai-poll-after-ms': hintMs });
		return rest(request, response);
	};
}

/** Headers and the first bytes of an MP4, then nothing more. */
function stalledFile(_request: Received, response: ServerResponse): void {
	response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '100000' });
	response.write(MP4);
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('every wait has a deadline', () => {
	test('a status poll that never answers ends the wait within Wait Timeout + 5 s, naming the job', async () => {
		hosts.home.handle = jobServer(hang);

		const { error, ms } = await runAgainst(hosts.home, create({ waitTimeout: 2 }));

		expect(error?.message).toMatch(/^Video job video_new is still queued, 10% done after waiting 2 s$/);
		expect(error?.description).toContain('video_new');
		expect(ms).toBeLessThan(2_000 + 5_000);
		expect(hosts.home.requests.filter((request) => request.method === 'GET')).toHaveLength(1);
	});

	test('a GET that never answers fails after the Request Timeout, and is retried', async () => {
		hosts.home.handle = hang;

		const { error, ms } = await runAgainst(hosts.home, get({ requestTimeout: 1, maxRetries: 1 }));

		expect(error?.message).toBe('GET /videos/{video_id} got no answer within 1 s');
		expect(hosts.home.requests).toHaveLength(2);
		expect(ms).toBeLessThan(10_000);
	});

	test('a Get Many page that never answers fails after the Request Timeout', async () => {
		hosts.home.handle = hang;

		const { error, ms } = await runAgainst(hosts.home, { resource: 'video', operation: 'getAll', limit: 5, options: { requestTimeout: 1, maxRetries: 0 } });

		expect(error?.message).toBe('GET /videos got no answer within 1 s');
		expect(ms).toBeLessThan(6_000);
	});

	test('a /content body that stalls after the headers fails and is retried; the error names the job and keeps it', async () => {
		hosts.home.handle = stalledFile;

		const { error, ms } = await runAgainst(hosts.home, download({ requestTimeout: 1, maxRetries: 1 }));

		expect(error?.message).toMatch(/^The download of video video_1 broke off after \d+ bytes: no data for 1 s \(2 tries\)$/);
		expect(error?.description).toMatch(/still on the server.*video_1/);
		expect(hosts.home.requests).toHaveLength(2);
		expect(ms).toBeLessThan(15_000);
	});

	test('a /content that never sends its headers fails after the Request Timeout', async () => {
		hosts.home.handle = hang;

		const { error, ms } = await runAgainst(hosts.home, download({ requestTimeout: 1, maxRetries: 0 }));

		expect(error?.message).toMatch(/no answer within 1 s/);
		expect(ms).toBeLessThan(6_000);
	});

	test('a stalled download after a wait fails the same way, naming the job', async () => {
		hosts.home.handle = jobServer((request, response) => {
			if (request.path.endsWith('/content')) return stalledFile(request, response);
			return sendJson(response, 200, video('video_new'));
		});

		const { error } = await runAgainst(hosts.home, create({ requestTimeout: 1, maxRetries: 0 }, { downloadResult: true }));

		expect(error?.message).toMatch(/^The download of video video_new broke off/);
		expect(error?.description).toMatch(/still on the server/);
	});
});

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
