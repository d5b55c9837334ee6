/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Issue 19, point 3: files that expired or are gone. A 404 or 410 on /content of a completed video
 * whose expires_at has passed, or whose error says it expired, and every 410: an error that names
 * the video, says its files expired (at expires_at when known) and that a new job is needed; not
 * retried, nothing stored, and never a hint to wait for the completion of a completed video.
 */
import type { ServerResponse } from 'node:http';

import type { IDataObject } from 'n8n-workflow';

import { create, download } from './parameters';
import { apiLike, jobServer, runAgainst, sendJson, useHosts, video, type Handler, type Received } from './servers';

const hosts = useHosts();

/** 2025-10-09T10:13:20.000Z: long past. */
const EXPIRED_AT = 1_760_004_800;
const EXPIRED_ISO = new Date(EXPIRED_AT * 1000).toISOString();
const WAIT_HINT = /once its status is completed|wait for completion|not ready/i;

type Answer = (response: ServerResponse) => void;
const apiError = (status: number, message: string): Answer => (response) =>
	sendJson(response, status, { error: { message, type: 'invalid_request_error', param: null, code: null } });

const assetsExpired = apiError(404, 'Video assets have expired');
const notFound = apiError(404, 'Not found');
const gone = apiError(410, 'Gone');

/** /content answers `content`; GET /videos/{id} answers `status` (a video, or an error). */
function server(content: Answer, status: IDataObject | Answer): Handler {
	return (request: Received, response: ServerResponse) => {
		if (request.path.endsWith('/content')) return content(response);
		if (request.method === 'GET' && /^\/v1\/videos\/[^/]+$/.test(request.path)) {
			if (typeof status === 'function') return status(response);
			return sendJson(response, 200, { ...video(decodeURIComponent(request.path.split('/')[3])), ...status });
		}
		return apiLike(request, response);
	};
}

const contentRequests = () => hosts.home.requests.filter((request) => request.path.endsWith('/content'));
const shown = (error: { message: string; description?: string | null } | undefined) => `${error?.message}\n${error?.description ?? ''}`;

describe('Download', () => {
	test.each<[string, Answer, IDataObject | Answer, string | undefined]>([
		['a 404 saying the assets expired, expires_at known', assetsExpired, { expires_at: EXPIRED_AT }, EXPIRED_ISO],
		['a 404 saying the assets expired, the video itself gone', assetsExpired, notFound, undefined],
		['a plain 404 of a completed video whose expires_at has passed', notFound, { expires_at: EXPIRED_AT }, EXPIRED_ISO],
		['a 410, expires_at known', gone, { expires_at: EXPIRED_AT }, EXPIRED_ISO],
		['a 410 of a video that is gone too', gone, notFound, undefined],
		['a 410 of a video still listed as completed, no expires_at', gone, { expires_at: null }, undefined],
	])('%s: the files expired, a new job is needed; not retried, nothing stored', async (_name, content, status, at) => {
		hosts.home.handle = server(content, status);

		const { error, items } = await runAgainst(hosts.home, download({ maxRetries: 3 }));

		expect(error?.message).toContain('video_1');
		expect(error?.message).toMatch(/The files of video \S+ have expired/);
		if (at) expect(error?.message).toContain(at);
		expect(shown(error)).toMatch(/new job/i);
		expect(shown(error)).not.toMatch(WAIT_HINT);
		expect(shown(error)).not.toMatch(/Check the parameters of the node|\{video_id\}/);
		expect(items).toHaveLength(0);
		expect(contentRequests()).toHaveLength(1);
	});

	test('a plain 404 of a completed video with no expiry: no file, and no hint to wait for completion', async () => {
		hosts.home.handle = server(notFound, { expires_at: null });

		const { error } = await runAgainst(hosts.home, download({ maxRetries: 3 }));

		expect(error?.message).toContain('video_1');
		expect(error?.message).toMatch(/completed/);
		expect(shown(error)).not.toMatch(WAIT_HINT);
		expect(contentRequests()).toHaveLength(1);
	});

	test('a plain 404 of a video still rendering still says it is not ready', async () => {
		hosts.home.handle = server(notFound, { status: 'in_progress', progress: 40 });

		const { error } = await runAgainst(hosts.home, download({ maxRetries: 3 }));

		expect(error?.message).toMatch(/Video video_1 is not ready for download/);
		expect(shown(error)).not.toMatch(/expired/i);
	});

	test('an expires_at still ahead does not make a 404 an expiry', async () => {
		hosts.home.handle = server(notFound, { expires_at: Math.floor(Date.now() / 1000) + 3600 });

		const { error } = await runAgainst(hosts.home, download({ maxRetries: 3 }));

		expect(shown(error)).not.toMatch(/expired/i);
		expect(shown(error)).not.toMatch(WAIT_HINT);
	});
});

describe('Create with Wait for Completion and Download Result', () => {
	const finished = (extra: IDataObject): Handler =>
		jobServer((request, response) => {
			if (request.path.endsWith('/content')) return extra.content === 'gone' ? gone(response) : notFound(response);
			return sendJson(response, 200, video('video_new', 'completed', { expires_at: EXPIRED_AT }));
		});

	test.each([
		['a plain 404 once the finished video\'s expires_at has passed', 'notFound'],
		['a 410', 'gone'],
	])('%s: the error names the job and says a new one is needed; the job is not created again', async (_name, content) => {
		hosts.home.handle = finished({ content });

		const { error } = await runAgainst(hosts.home, create({ maxRetries: 3, waitTimeout: 20 }, { downloadResult: true }));

		expect(error?.message).toContain('video_new');
		expect(error?.message).toMatch(/The files of video \S+ have expired/);
		expect(error?.message).toContain(EXPIRED_ISO);
		expect(shown(error)).toMatch(/new job/i);
		expect(shown(error)).not.toMatch(WAIT_HINT);
		expect(shown(error)).not.toMatch(/still on the server/);
		expect(hosts.home.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(contentRequests()).toHaveLength(1);
	});
});
