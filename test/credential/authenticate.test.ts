/**
 * The credential's Query Parameters, Custom Headers and Base URL handling, through n8n-core's
 * engine against the fake: what every request to the Base URL's origin carries, what a host
 * elsewhere never gets, and Base URLs that cannot work failing before any request.
 */
import { OpenAiVideosApi } from '../../credentials/OpenAiVideosApi.credentials';
import { API_KEY } from '../harness/fake-api';
import {
	calls,
	create,
	download,
	expectFinishedJobEmittedOnce,
	get,
	getAll,
	messageOf,
	useProfile,
	videoId,
} from '../servers/helpers';
import { BAD_BASE_URLS, customHeaders, queryParameters } from './helpers';

describe('OpenAI', () => {
	const fake = useProfile('openai');

	test('Query Parameters and Custom Headers go with every request of a Create that waits and downloads', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 20 };
		const credential = {
			...queryParameters({ custom_llm_provider: 'openai', tenant: 'a b&c' }),
			...customHeaders({ 'X-Gateway-Route': 'blue', 'x-trace': '' }),
		};
		const { error } = await fake.run({ parameters: create(), credential });

		expect(messageOf(error)).toBe('(no error)');
		const id = videoId(fake.api);
		expect(calls(fake.api)).toEqual(['POST /videos', `GET /videos/${id}`, `GET /videos/${id}/content`]);
		for (const request of fake.api.requests) {
			expect(request.query).toMatchObject({ custom_llm_provider: 'openai', tenant: 'a b&c' });
			expect(request.headers).toMatchObject({ 'x-gateway-route': 'blue', 'x-trace': '', authorization: `Bearer ${API_KEY}` });
		}
		expect(fake.api.requests[0].json).toMatchObject({ prompt: 'A lighthouse at dawn' });
		expect(fake.api.requests[2].query.variant).toBe('video');
	});

	test('a Base URL with a query string keeps it on every request, after the path', async () => {
		const id = String(fake.api.addVideo().id);
		const baseUrl = `${fake.api.baseUrl}/?api-version=2025-04-01-preview`;
		const got = await fake.run({ parameters: get(id), credential: { baseUrl } });
		const listed = await fake.run({ parameters: { ...getAll(), returnAll: false, limit: 1 }, credential: { baseUrl } });
		const downloaded = await fake.run({ parameters: download(id), credential: { baseUrl } });

		expect([got, listed, downloaded].map(({ error }) => messageOf(error))).toEqual(Array(3).fill('(no error)'));
		const [getRequest, listRequest, contentRequest] = fake.api.requests;
		expect(getRequest.url).toBe(`/v1/videos/${id}?api-version=2025-04-01-preview`);
		expect(listRequest.path).toBe('/videos');
		expect(listRequest.query).toEqual({ 'api-version': '2025-04-01-preview', limit: '1', order: 'desc' });
		expect(contentRequest.path).toBe(`/videos/${id}/content`);
		expect(contentRequest.query).toEqual({ 'api-version': '2025-04-01-preview', variant: 'video' });
	});

	test("precedence: the Base URL's query < the Query Parameters field < the operation's own parameters", async () => {
		fake.api.addVideo();
		const { error } = await fake.run({
			parameters: { ...getAll(), returnAll: false, limit: 2, order: 'asc' },
			credential: {
				baseUrl: `${fake.api.baseUrl}?api-version=1&custom_llm_provider=azure&limit=7`,
				...queryParameters({ custom_llm_provider: 'openai', order: 'desc' }),
			},
		});

		expect(messageOf(error)).toBe('(no error)');
		expect(fake.api.requests[0].query).toEqual({ 'api-version': '1', custom_llm_provider: 'openai', limit: '2', order: 'asc' });
	});

	test.each(BAD_BASE_URLS)('Base URL %j fails before any request, naming the field', async (baseUrl, message) => {
		const { error } = await fake.run({ parameters: get('video_1'), credential: { baseUrl } });

		expect(messageOf(error)).toMatch(message);
		expect(fake.api.requests).toHaveLength(0);
	});

	test('the trigger fails on such a Base URL too, before any request', async () => {
		await expect(fake.trigger({}, { baseUrl: 'ftp://127.0.0.1/v1' }).poll()).rejects.toThrow(/Base URL "ftp:/);
		expect(fake.api.requests).toHaveLength(0);
	});

	test('a Custom Header whose name is not a header name fails before any request, naming the field', async () => {
		const { error } = await fake.run({ parameters: get('video_1'), credential: customHeaders({ 'Bad Header:': 'x' }) });

		expect(messageOf(error)).toMatch(/Custom Headers has an invalid header name "Bad Header:"/);
		expect(fake.api.requests).toHaveLength(0);
	});
});

describe('Azure', () => {
	const fake = useProfile('azure');

	test('a Base URL ending in /openai is completed to /openai/v1 and keeps ?api-version', async () => {
		const id = String(fake.api.addVideo().id);
		const baseUrl = `${fake.api.baseUrl.replace(/\/v1$/, '')}?api-version=preview`;
		const { error } = await fake.run({ parameters: get(id), credential: { baseUrl, authHeader: 'apiKey' } });

		expect(baseUrl).toMatch(/\/openai\?api-version=preview$/);
		expect(messageOf(error)).toBe('(no error)');
		expect(fake.api.requests[0].url).toBe(`/openai/v1/videos/${id}?api-version=preview`);
		expect(fake.api.requests[0].headers['api-key']).toBe(API_KEY);
	});
});

describe('LiteLLM', () => {
	const fake = useProfile('litellm');

	test('Get Many works with custom_llm_provider from the Query Parameters', async () => {
		const ids = [fake.api.addVideo(), fake.api.addVideo()].map((video) => video.id);
		const { items, error } = await fake.run({ parameters: getAll(), credential: queryParameters({ custom_llm_provider: 'openai' }) });

		expect(messageOf(error)).toBe('(no error)');
		expect(items.map((item) => item.json.id)).toEqual([...ids].reverse());
		expect(fake.api.requests[0].query.custom_llm_provider).toBe('openai');
	});

	test('the trigger lists with it too and emits a finished job once', async () => {
		await expectFinishedJobEmittedOnce(fake, { credential: queryParameters({ custom_llm_provider: 'openai' }) });

		expect(fake.api.requests.every((request) => request.query.custom_llm_provider === 'openai')).toBe(true);
	});
});

describe('a relay whose /content redirects to another host', () => {
	const fake = useProfile('relay');

	test('the other host gets no key, no OpenAI-* or custom header and no credential query parameter', async () => {
		const id = String(fake.api.addVideo().id);
		const credential = {
			organizationId: 'org-1',
			projectId: 'proj-1',
			baseUrl: `${fake.api.baseUrl}?api-version=1`,
			...queryParameters({ custom_llm_provider: 'openai' }),
			...customHeaders({ 'X-Gateway-Secret': 'gw-secret-123' }),
		};
		const { error } = await fake.run({ parameters: download(id), credential });

		expect(messageOf(error)).toBe('(no error)');
		expect(fake.api.requests[0].query).toEqual({ 'api-version': '1', custom_llm_provider: 'openai', variant: 'video' });
		expect(fake.api.requests[0].headers['x-gateway-secret']).toBe('gw-secret-123');
		expect(fake.api.relayRequests).toHaveLength(1);
		const [elsewhere] = fake.api.relayRequests;
		expect(elsewhere.url).toMatch(new RegExp(`^/signed/${id}/video\\?se=\\d+&sig=[0-9a-f]+$`));
		for (const name of ['authorization', 'api-key', 'openai-organization', 'openai-project', 'x-gateway-secret']) {
			expect(elsewhere.headers).not.toHaveProperty(name);
		}
		expect(JSON.stringify(elsewhere)).not.toMatch(new RegExp(`${API_KEY}|gw-secret-123`));
	});
});

describe('authenticate, for requests with an absolute URL (each hop of a redirect followed by hand)', () => {
	const credential = {
		apiKey: API_KEY,
		baseUrl: 'https://api.example.test/openai?api-version=1',
		authHeader: 'apiKey',
		organizationId: 'org-1',
		...queryParameters({ custom_llm_provider: 'openai' }),
		...customHeaders({ 'X-Gateway-Secret': 'gw-secret-123' }),
	};
	const authenticate = async (url: string) =>
		await new OpenAiVideosApi().authenticate(credential, { url, headers: { Accept: 'application/json' }, qs: { variant: 'video' } });

	test('on the Base URL origin: the key, the headers and the query parameters not already in the URL', async () => {
		const options = await authenticate('https://api.example.test/openai/v1/videos/v1/content?api-version=2');

		expect(options.headers).toEqual({
			Accept: 'application/json',
			'api-key': API_KEY,
			'OpenAI-Organization': 'org-1',
			'X-Gateway-Secret': 'gw-secret-123',
		});
		expect(options.qs).toEqual({ custom_llm_provider: 'openai', variant: 'video' });
	});

	test('a Custom Header replaces a built-in header of the same name, whatever its case', async () => {
		const options = await new OpenAiVideosApi().authenticate(
			{ ...credential, authHeader: 'bearer', ...customHeaders({ authorization: 'Basic dXNlcjpwYXNz', 'openai-organization': 'org-2' }) },
			{ url: '/videos', headers: { accept: 'application/json' } },
		);

		expect(options.headers).toEqual({ accept: 'application/json', authorization: 'Basic dXNlcjpwYXNz', 'openai-organization': 'org-2' });
	});

	test.each(['https://cdn.example.test/signed/v1', 'http://api.example.test/openai/v1/videos', 'https://api.example.test:8443/x'])(
		'on another origin (%s): nothing at all',
		async (url) => {
			const options = await authenticate(url);

			expect(options.headers).toEqual({ Accept: 'application/json' });
			expect(options.qs).toEqual({ variant: 'video' });
			expect(options.sendCredentialsOnCrossOriginRedirect).toBe(false);
		},
	);
});
