/**
 * The credential test (nodes/OpenAiVideos/methods/credentialTest.ts) against every server profile
 * of the fake, called the way n8n's CredentialsTester calls a node's test function:
 * `fn.call(new CredentialTestContext(), credentialsDecrypted)` (n8n's own request helper, real HTTP).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

import { makeCredentialTest, openAiVideosApiTest } from '../../nodes/shared/credential-test';
import { prepareEnvironment } from '../harness/environment';
import { API_KEY, credentialsFor, startFakeApi, type FakeApi, type FakeApiProfile } from '../harness/fake-api';
import { calls } from '../servers/helpers';
import { BAD_BASE_URLS, customHeaders, queryParameters } from './helpers';

async function testCredential(
	data: ICredentialDataDecryptedObject,
	test = openAiVideosApiTest,
): Promise<INodeCredentialTestResult> {
	await prepareEnvironment();
	return await test.call(new CredentialTestContext(), { id: 'c1', name: 'Fixture', type: 'openAiVideosApi', data });
}

const fakes = new Map<FakeApiProfile, FakeApi>();

async function fakeOf(profile: FakeApiProfile): Promise<FakeApi> {
	if (!fakes.has(profile)) fakes.set(profile, await startFakeApi({ profile }));
	const api = fakes.get(profile)!;
	api.reset();
	return api;
}

afterAll(async () => await Promise.all([...fakes.values()].map(async (api) => await api.close())));

const OK = { status: 'OK', message: 'Connection successful' };

describe('a correct key passes on every server that carries the Videos API', () => {
	test.each<[FakeApiProfile, ICredentialDataDecryptedObject, string[]]>([
		['openai', {}, ['GET /videos']],
		['azure', { authHeader: 'apiKey' }, ['GET /videos']],
		['vllm', {}, ['GET /videos']],
		['sglang', {}, ['GET /videos']],
		['aquiles', {}, ['GET /videos']],
		['relay', {}, ['GET /videos']],
		// No list without custom_llm_provider (400), so the models list proves the key.
		['litellm', {}, ['GET /videos', 'GET /models']],
		['litellm', queryParameters({ custom_llm_provider: 'openai' }), ['GET /videos']],
		// No list at all (one-api's 404 "Invalid URL (GET /v1/videos)").
		['newapi', {}, ['GET /videos', 'GET /models']],
	])('%s %j asks %j', async (profile, extra, asked) => {
		const api = await fakeOf(profile);
		const result = await testCredential(credentialsFor(api, extra));

		expect(result).toEqual(OK);
		expect(calls(api)).toEqual(asked);
		expect(api.requests[0].query).toMatchObject({ limit: '1' });
	});

	test('with the Base URL query, the Query Parameters and the Custom Headers on each request', async () => {
		const api = await fakeOf('litellm');
		const result = await testCredential(
			credentialsFor(api, {
				baseUrl: `${api.baseUrl}?api-version=1`,
				...queryParameters({ tenant: 't1' }),
				...customHeaders({ 'X-Gateway-Route': 'blue' }),
			}),
		);

		expect(result).toEqual(OK);
		expect(api.requests.map((request) => request.query)).toEqual([
			{ 'api-version': '1', tenant: 't1', limit: '1' },
			{ 'api-version': '1', tenant: 't1' },
		]);
		expect(api.requests.every((request) => request.headers['x-gateway-route'] === 'blue')).toBe(true);
	});
});

describe("a wrong key fails with the server's own words", () => {
	test.each<[FakeApiProfile, ICredentialDataDecryptedObject, string]>([
		['openai', {}, '(401): Incorrect API key provided'],
		['azure', { authHeader: 'apiKey' }, '(401): Access denied due to invalid subscription key'],
		['litellm', {}, '(401): Authentication Error, Invalid proxy server token passed'],
		['newapi', {}, '(401): Invalid token (request id: 20261122000000000000000000)'],
		['vllm', {}, '(401): Unauthorized'],
		['sglang', {}, '(401): Invalid API key'],
		['aquiles', {}, '(403): Invalid API key'],
	])('%s', async (profile, extra, words) => {
		const api = await fakeOf(profile);
		const result = await testCredential(credentialsFor(api, { ...extra, apiKey: 'sk-wrong-key-0000' }));

		expect(result.status).toBe('Error');
		expect(result.message).toContain(`The server rejected the API key ${words}`);
		expect(calls(api)).toEqual(['GET /videos']);
	});

	test('New API checks the key only on routes it has: its keyless 404 for the list, then 401 from /models', async () => {
		const api = await fakeOf('newapi');
		// As New API's router answers an unknown route, before any token check.
		api.script(
			{ method: 'GET', path: '/videos' },
			{ status: 404, json: { error: { message: 'Invalid URL (GET /v1/videos)', type: 'invalid_request_error', param: '', code: '' } } },
		);
		const result = await testCredential(credentialsFor(api, { apiKey: 'sk-wrong-key-0000' }));

		expect(result).toEqual({
			status: 'Error',
			message: 'The server rejected the API key (401): Invalid token (request id: 20261122000000000000000000)',
		});
		expect(calls(api)).toEqual(['GET /videos', 'GET /models']);
	});

	test('the key and the Custom Header values are redacted when the server echoes them', async () => {
		const api = await fakeOf('openai');
		const secret = 'gateway-secret-98765';
		api.script(
			{ path: '/videos' },
			{ status: 401, json: { error: { message: `Incorrect API key provided: ${API_KEY} (with ${secret})` } } },
		);
		const result = await testCredential(credentialsFor(api, customHeaders({ 'X-Gateway-Secret': secret })));

		expect(result).toEqual({
			status: 'Error',
			message: 'The server rejected the API key (401): Incorrect API key provided: sk-…[redacted] (with …[redacted])',
		});
	});
});

describe('what is not this API, or not reachable, fails with a message that says so', () => {
	test.each<FakeApiProfile>(['openrouter', 'azure-legacy'])('%s: offers neither GET /videos nor GET /models', async (profile) => {
		const api = await fakeOf(profile);
		const result = await testCredential(credentialsFor(api));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			new RegExp(`^The server at ${api.baseUrl} offers neither GET /videos nor GET /models here \\(GET /videos: 404 .+; GET /models: 404 .+\\)\\. Check the Base URL`),
		);
		expect(calls(api)).toEqual(['GET /videos', 'GET /models']);
	});

	test.each(BAD_BASE_URLS)('Base URL %j: no request, the field named', async (baseUrl, message) => {
		const api = await fakeOf('openai');
		const result = await testCredential(credentialsFor(api, { baseUrl }));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(api.requests).toHaveLength(0);
	});

	test('a server that answers HTML (a web page at the Base URL) is not taken for the API', async () => {
		const api = await fakeOf('openai');
		api.script({ path: '/videos' }, { status: 200, body: '<html>Welcome</html>', headers: { 'content-type': 'text/html' } });
		const result = await testCredential(credentialsFor(api));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The server answered GET \/videos with something that is not the API's list \(text\/html\)/);
	});

	test('a server failure is shown, not hidden behind the next probe', async () => {
		const api = await fakeOf('aquiles');
		api.script({ path: '/videos' }, { status: 503, json: { detail: 'You are running the model flux. This model does not generate videos.' } });
		const result = await testCredential(credentialsFor(api));

		expect(result).toEqual({
			status: 'Error',
			message: 'GET /videos failed (503): You are running the model flux. This model does not generate videos.',
		});
		expect(calls(api)).toEqual(['GET /videos']);
	});

	test('a redirect is not followed: the key stays home and the message names the target', async () => {
		const elsewhere = await listen('127.0.0.2');
		const api = await fakeOf('openai');
		const location = `http://127.0.0.2:${elsewhere.port}/v1/videos?limit=1`;
		api.script({ path: '/videos' }, { status: 302, headers: { location } });
		const result = await testCredential(credentialsFor(api, customHeaders({ 'X-Gateway-Secret': 'gw-1234' })));
		await elsewhere.close();

		expect(result).toEqual({
			status: 'Error',
			message: `The server answered GET /videos with a redirect (302) to ${location}; the key is only sent to the Base URL's server, so set the Base URL to where the server lives`,
		});
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('a server that does not answer ends at the timeout of the test', async () => {
		const api = await fakeOf('openai');
		api.script({ path: '/videos' }, { status: 200, json: { object: 'list', data: [] }, delayMs: 2000 });
		const result = await testCredential(credentialsFor(api), makeCredentialTest({ timeoutMs: 100 }));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Could not reach ${api.baseUrl}/videos: ECONNABORTED`));
	});

	test('a port nobody listens on: could not reach (a password in the Base URL redacted)', async () => {
		const closed = await listen('127.0.0.1');
		await closed.close();
		const baseUrl = `http://user:hunter22@127.0.0.1:${closed.port}/v1`;
		const result = await testCredential({ ...credentialsFor(await fakeOf('openai')), baseUrl });

		expect(result).toEqual({ status: 'Error', message: `Could not reach http://user:…[redacted]@127.0.0.1:${closed.port}/v1/videos: ECONNREFUSED` });
	});
});

/** A loopback server that records what reaches it ("another host" when on 127.0.0.2). */
async function listen(host: string) {
	const requests: http.IncomingMessage[] = [];
	const server = http.createServer((req, res) => {
		requests.push(req);
		res.end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	const { port } = server.address() as AddressInfo;
	const close = async () => await new Promise<void>((resolve) => server.close(() => resolve()));
	return { port, requests, close };
}
