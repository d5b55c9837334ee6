/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Issue 10, point 2: the key is never shown, stored or logged, even when the server echoes it:
 * not in the error's message or description, the output items, the stored run data, the log.
 */
import type { ServerResponse } from 'node:http';

import type { INodeParameters } from 'n8n-workflow';

import { PollRunner } from '../harness/run-poll';
import { captureLogs, everything } from './logs';
import { credentialsOf, KEY, runAgainst, sendJson, useHosts, video, type Received } from './servers';

const hosts = useHosts();
const logs = captureLogs();

const get: INodeParameters = { resource: 'video', operation: 'get', videoId: 'video_1', options: { maxRetries: 0 } };
const download: INodeParameters = { resource: 'video', operation: 'download', videoId: 'video_1', options: { maxRetries: 0 } };
const create: INodeParameters = {
	resource: 'video',
	operation: 'create',
	prompt: 'A lighthouse',
	options: { pollInterval: 1, waitTimeout: 20, maxRetries: 0 },
};

/** A proxy's error page that dumps the request it got, the way debugging gateways do. */
function headerDump(request: Received, response: ServerResponse): void {
	const lines = Object.entries(request.headers).map(([name, value]) => `<tr><td>${name}</td><td>${String(value)}</td></tr>`);
	const page = `<html><body><h1>502 Bad Gateway</h1><p>Upstream refused ${request.method} ${request.url}</p><table>${lines.join('')}</table>
<pre>Authorization: Bearer ${KEY}\napi-key: ${KEY}</pre></body></html>`;
	response.writeHead(502, { 'content-type': 'text/html' }).end(page);
}

const echoes: Record<string, { parameters: INodeParameters; answer: (request: Received, response: ServerResponse) => void; shown: RegExp; authHeader?: string }> = {
	'an OpenAI error naming the key': {
		parameters: get,
		answer: (_request, response) => sendJson(response, 401, { error: { message: `Incorrect API key provided: ${KEY}. You can find your API key at …`, code: 'invalid_api_key' } }),
		shown: /Incorrect API key provided: sk-…\[redacted\]/,
	},
	'a FastAPI detail naming the key': {
		parameters: get,
		answer: (_request, response) => sendJson(response, 403, { detail: `Token ${KEY} is not allowed here` }),
		shown: /Token sk-…\[redacted\] is not allowed/,
	},
	'a FastAPI validation detail holding the header': {
		parameters: get,
		answer: (_request, response) => sendJson(response, 422, { detail: [{ loc: ['header', 'authorization'], msg: 'bad header', input: `Bearer ${KEY}` }] }),
		shown: /bad header/,
	},
	'a 502 HTML page dumping the request headers (Bearer)': {
		parameters: get,
		answer: headerDump,
		shown: /502 Bad Gateway/,
	},
	'a 502 HTML page dumping the request headers (api-key)': {
		parameters: get,
		answer: headerDump,
		shown: /502 Bad Gateway/,
		authHeader: 'apiKey',
	},
	'an error code carrying the key': {
		parameters: get,
		answer: (_request, response) => sendJson(response, 400, { error: { message: 'rejected', code: `key_${KEY}_revoked` } }),
		shown: /rejected/,
	},
	'a download error naming the key': {
		parameters: download,
		answer: (_request, response) => sendJson(response, 404, { error: { message: `No file for key ${KEY}` } }),
		shown: /No file for key sk-…\[redacted\]/,
	},
	'a download answering JSON with the key instead of a file': {
		parameters: download,
		answer: (_request, response) => response.writeHead(200, { 'content-type': 'video/mp4' }).end(JSON.stringify({ error: { message: `denied for ${KEY}` } })),
		shown: /denied for sk-…\[redacted\]/,
	},
	'a create refused for quota, naming the key': {
		parameters: create,
		answer: (_request, response) => sendJson(response, 429, { error: { message: `You exceeded your current quota (key ${KEY})`, code: 'insufficient_quota' } }),
		shown: /exceeded your current quota \(key sk-…\[redacted\]\)/,
	},
	'a rate limit naming the key, retried until given up': {
		parameters: { ...get, options: { maxRetries: 1 } },
		answer: (_request, response) => sendJson(response, 429, { error: { message: `Slow down, ${KEY}` } }, { 'retry-after-ms': '20' }),
		shown: /Slow down, sk-…\[redacted\]/,
	},
};

function expectKeyNowhere(result: { error?: unknown; items?: unknown; errorItems?: unknown; run?: unknown }): void {
	for (const part of [result.error, result.items, result.errorItems, result.run]) expect(everything(part)).not.toContain(KEY);
	const error = result.error as { message?: string; description?: string } | undefined;
	expect(error?.message ?? '').not.toContain(KEY);
	expect(error?.description ?? '').not.toContain(KEY);
	expect(logs.lines.join('\n')).not.toContain(KEY);
}

describe('a server that echoes the key', () => {
	test.each(Object.keys(echoes))('%s: shown redacted, never whole', async (name) => {
		const { parameters, answer, shown, authHeader } = echoes[name];
		hosts.home.handle = answer;

		const result = await runAgainst(hosts.home, parameters, { credentials: credentialsOf(hosts.home, { authHeader: authHeader ?? 'bearer' }) });

		expect(result.error).toBeDefined();
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(shown);
		expectKeyNowhere(result);
		// n8n logged the failure (its error reporter), so a leak would have shown there.
		expect(logs.lines.some((line) => line.includes('OpenAI Videos') || line.includes('/videos'))).toBe(true);
	});

	test('with Continue On Fail the error item holds the redacted text only', async () => {
		hosts.home.handle = echoes['an OpenAI error naming the key'].answer;

		const result = await runAgainst(hosts.home, get, { continueOnFail: true });

		expect(result.items[0].json.error).toMatch(/sk-…\[redacted\]/);
		expectKeyNowhere(result);
	});

	test('a failed job whose error names the key', async () => {
		hosts.home.handle = (request, response) => {
			if (request.method === 'POST') return sendJson(response, 200, video('video_new', 'queued'), { 'openai-poll-after-ms': '1' });
			return sendJson(response, 200, video('video_new', 'failed', { error: { code: 'upstream_error', message: `Upstream rejected key ${KEY}` } }));
		};

		const stopped = await runAgainst(hosts.home, create);
		const continued = await runAgainst(hosts.home, create, { settings: { onError: 'continueErrorOutput' } });

		expect(stopped.error?.message).toBe('Video job video_new failed (upstream_error): Upstream rejected key sk-…[redacted]');
		expectKeyNowhere(stopped);
		expect(continued.errorItems).toHaveLength(1);
		expect(everything(continued.errorItems)).toContain('Upstream rejected key sk-…[redacted]');
		expectKeyNowhere(continued);
	});

	test('a successful answer echoing the key is passed on redacted', async () => {
		hosts.home.handle = (_request, response) => sendJson(response, 200, video('video_1', 'completed', { prompt: `made with ${KEY}`, [KEY]: true }));

		const result = await runAgainst(hosts.home, get);

		expect(result.error).toBeUndefined();
		expect(result.items[0].json.prompt).toBe('made with sk-…[redacted]');
		expectKeyNowhere(result);
	});

	test('a text answer echoing the key is quoted redacted in the error', async () => {
		hosts.home.handle = (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(`ok ${KEY}`);

		const result = await runAgainst(hosts.home, get);

		expect(result.error?.message).toMatch(/does not speak the OpenAI Videos API/);
		expect(result.error?.description).toContain('ok sk-…[redacted]');

		expectKeyNowhere(result);
	});

	test("the trigger's list error naming the key", async () => {
		hosts.home.handle = (_request, response) => sendJson(response, 400, { error: { message: `Database down for ${KEY}` } });
		const runner = new PollRunner({ parameters: { event: 'completed', downloadResult: false, options: {} }, credentials: credentialsOf(hosts.home) });

		const error = await runner.poll().then(() => undefined, (caught: unknown) => caught as Error);

		expect(error?.message).toMatch(/Database down for sk-…\[redacted\]/);
		expect(everything(error)).not.toContain(KEY);
		expect(logs.lines.join('\n')).not.toContain(KEY);
	});
});
