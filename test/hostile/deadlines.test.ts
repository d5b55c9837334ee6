/**
 * Issue 10, point 3 (deadlines): Wait Timeout bounds stuck polls, every request has a timeout, and
 * a stalled download body fails and is retried.
 */
import { create, download, get } from './parameters';
import { hang, jobServer, runAgainst, sendJson, stalledFile, until, useHosts, video } from './servers';

const hosts = useHosts();

describe('every wait has a deadline', () => {
	test('a status poll that never answers ends the wait within Wait Timeout + 5 s, naming the job', async () => {
		hosts.home.handle = jobServer(hang);

		const { error, ms } = await runAgainst(hosts.home, create({ waitTimeout: 2 }));

		expect(error?.message).toMatch(/^Video job video_new is still queued, 10% done after waiting 2 s$/);
		expect(error?.description).toContain('video_new');
		expect(ms).toBeLessThan(2_000 + 5_000);
		expect(hosts.home.requests.filter((request) => request.method === 'GET')).toHaveLength(1);
	});

	test('a list poll that never answers while several items wait ends the wait within Wait Timeout + 5 s, not the Request Timeout', async () => {
		let created = 0;
		hosts.home.handle = (request, response) => {
			if (request.method === 'POST') return sendJson(response, 200, video(`video_${++created}`, 'queued'), { 'openai-poll-after-ms': '500' });
			if (request.path.endsWith('/videos')) return hang();
			return sendJson(response, 200, video(decodeURIComponent(request.path.split('/').pop()!), 'in_progress'));
		};
		const items = [1, 2, 3].map((n) => ({ json: { n } }));

		const { error, ms } = await runAgainst(hosts.home, create({ waitTimeout: 2, requestTimeout: 60, onTimeout: 'returnJob' }), { items });

		expect(error).toBeUndefined();
		const lists = hosts.home.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/videos'));
		expect(lists.length).toBeGreaterThanOrEqual(1);
		expect(ms).toBeLessThan(2_000 + 5_000);
		// The hanging list request itself was ended, not left open.
		await until(() => lists.every((request) => request.closedAt !== undefined), 2_000);
		expect(lists.every((request) => request.closedAt !== undefined)).toBe(true);
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

	test('a /content body that stalls before its first byte fails the same way and is retried', async () => {
		hosts.home.handle = (_request, response) => {
			response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '100000' });
			response.flushHeaders();
		};

		const { error, ms } = await runAgainst(hosts.home, download({ requestTimeout: 1, maxRetries: 1 }));

		expect(error?.message).toMatch(/^The download of video video_1 broke off after 0 bytes: no data for 1 s \(2 tries\)$/);
		expect(hosts.home.requests).toHaveLength(2);
		expect(ms).toBeLessThan(15_000);
	});

	test('a /content that never sends its headers fails after the Request Timeout', async () => {
		hosts.home.handle = hang;

		const { error, ms } = await runAgainst(hosts.home, download({ requestTimeout: 1, maxRetries: 0 }));

		expect(error?.message).toMatch(/no answer within 1 s/);
		expect(ms).toBeLessThan(6_000);
	});

	test('a /content error answer whose body stalls fails after the Request Timeout, and is retried', async () => {
		hosts.home.handle = (_request, response) => {
			response.writeHead(500, { 'content-type': 'application/json', 'content-length': '1000' });
			response.write('{"error": {"message": "Upstream bro');
		};

		const { error, ms } = await runAgainst(hosts.home, download({ requestTimeout: 1, maxRetries: 1 }));

		expect(error?.message).toBe('GET /videos/{video_id}/content answered HTTP 500, but the rest of its answer did not come within 1 s');
		expect(hosts.home.requests).toHaveLength(2);
		expect(ms).toBeLessThan(10_000);
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
