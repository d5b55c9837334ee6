import { NodeOperationError } from 'n8n-workflow';

import { credentialsFor, startFakeApi, type FakeApi } from '../harness/fake-api';
import { listSearch, type ListSearchCall, type ListSearchMethod } from '../harness/load-options';

let api: FakeApi;
beforeAll(async () => {
	api = await startFakeApi();
});
beforeEach(() => api.reset());
afterAll(async () => await api.close());

const search = async (method: ListSearchMethod, call: Omit<ListSearchCall, 'credentials'> = {}) =>
	await listSearch(method, { credentials: credentialsFor(api), ...call });

const searchError = async (method: ListSearchMethod): Promise<NodeOperationError> => {
	const error = await search(method).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	return error as NodeOperationError;
};

describe('Video "From List"', () => {
	test('lists the newest videos first, named by a short prompt and the status, valued by ID', async () => {
		const old = api.addVideo({ prompt: 'A red kite over a beach' });
		const running = api.addVideo({ status: 'in_progress', progress: 30, prompt: `A very long prompt ${'that goes on '.repeat(10)}` });
		const { results, paginationToken } = await search('searchVideos');

		expect(results).toEqual([
			{ name: `${`A very long prompt ${'that goes on '.repeat(10)}`.slice(0, 59)}… (in_progress)`, value: running.id },
			{ name: 'A red kite over a beach (completed)', value: old.id },
		]);
		expect(paginationToken).toBeUndefined();
		expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /videos']);
		expect(api.requests[0].query).toEqual({ order: 'desc', limit: '100' });
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${credentialsFor(api).apiKey as string}`);
	});

	test('the list of Download, Remix, Edit and Extend offers only completed videos', async () => {
		const done = api.addVideo({ prompt: 'done' });
		api.addVideo({ status: 'queued', prompt: 'queued' });
		api.addVideo({ status: 'failed', prompt: 'failed' });
		const { results } = await search('searchCompletedVideos');

		expect(results).toEqual([{ name: 'done (completed)', value: done.id }]);
	});

	test('search matches the ID or the prompt, whatever the case', async () => {
		const kite = api.addVideo({ prompt: 'A red KITE over a beach' });
		const other = api.addVideo({ id: 'video_kite_99', prompt: 'A harbour at dawn' });
		api.addVideo({ prompt: 'A forest' });

		expect((await search('searchVideos', { filter: 'kite' })).results.map((item) => item.value)).toEqual([other.id, kite.id]);
		expect((await search('searchVideos', { filter: '  forest ' })).results).toHaveLength(1);
		expect((await search('searchVideos', { filter: 'nothing like it' })).results).toEqual([]);
	});

	test('pages on with the server cursor: a page of matches ends the call, its token continues it', async () => {
		const videos = Array.from({ length: 250 }, (_, index) => api.addVideo({ prompt: `clip ${index}` }));
		const first = await search('searchVideos');
		const second = await search('searchVideos', { paginationToken: first.paginationToken });

		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe(videos[150].id);
		expect(second.results[0].value).toBe(videos[149].id);
		expect(api.requests.map((request) => request.query.after)).toEqual([undefined, videos[150].id]);
	});

	test('a search with few matches reads on, at most five pages per call, then hands on the cursor', async () => {
		const videos = Array.from({ length: 700 }, (_, index) => api.addVideo({ prompt: index === 650 ? 'the needle' : `hay ${index}` }));
		const first = await search('searchVideos', { filter: 'needle' });

		expect(first.results).toEqual([{ name: 'the needle (completed)', value: videos[650].id }]);
		expect(api.requests).toHaveLength(5);
		expect(first.paginationToken).toBe(videos[200].id);
	});

	test("the node's Extra Query Parameters go with the list request (LiteLLM lists only with custom_llm_provider)", async () => {
		api.addVideo();
		const parameters = { options: { extraQuery: { parameter: [{ name: 'custom_llm_provider', value: 'openai' }] } } };
		await search('searchVideos', { parameters });

		expect(api.requests[0].query).toMatchObject({ custom_llm_provider: 'openai', order: 'desc' });
	});

	test('a server without the list says to choose "By ID"', async () => {
		api.script({ method: 'GET', path: '/videos' }, { status: 404, body: '404 page not found' });
		const error = await searchError('searchCompletedVideos');

		expect(error.message).toBe('This server has no list of completed videos (GET /videos answered HTTP 404). Choose "By ID" and enter the video ID, e.g. video_123.');
	});

	test('an answer that is no list says so too, and an auth error keeps its own words', async () => {
		api.script({ method: 'GET', path: '/videos' }, { json: { object: 'video', id: 'x' } });
		expect((await searchError('searchVideos')).message).toContain('GET /videos answered without a list');

		const wrongKey = await listSearch('searchVideos', { credentials: credentialsFor(api, { apiKey: 'sk-wrong' }) }).catch((error: Error) => error);
		expect((wrongKey as Error).message).toMatch(/^The list of videos could not be loaded: The server rejected the API key \(401.*Choose "By ID"/);
		expect((wrongKey as Error).message).not.toContain('sk-wrong');
	});
});

describe('Model "From List"', () => {
	const models = (...ids: string[]) => ({ json: { object: 'list', data: ids.map((id) => ({ id, object: 'model' })) } });

	test("lists the server's models from GET /models", async () => {
		const { results } = await search('searchModels', { parameterName: 'model' });

		expect(results).toEqual([
			{ name: 'sora-2', value: 'sora-2' },
			{ name: 'sora-2-pro', value: 'sora-2-pro' },
		]);
		expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /models']);
	});

	test('keeps only video models, sorted, and searches them', async () => {
		api.script({ method: 'GET', path: '/models' }, models('gpt-4o', 'veo-3', 'sora-2-pro', 'whisper-1', 'wan2.2-t2v', 'Kling-v2', 'gpt-image-1', 'sora-2'));
		const { results } = await search('searchModels');
		api.script({ method: 'GET', path: '/models' }, models('gpt-4o', 'veo-3', 'sora-2-pro', 'sora-2'));
		const searched = await search('searchModels', { filter: 'PRO' });

		expect(results.map((item) => item.value)).toEqual(['Kling-v2', 'sora-2', 'sora-2-pro', 'veo-3', 'wan2.2-t2v']);
		expect(searched.results.map((item) => item.value)).toEqual(['sora-2-pro']);
	});

	test('a server whose models have other names (Azure deployments) lists them all', async () => {
		api.script({ method: 'GET', path: '/models' }, models('my-deployment', 'prod-clip'));
		const { results } = await search('searchModels');

		expect(results.map((item) => item.value)).toEqual(['my-deployment', 'prod-clip']);
	});

	test('a server without GET /models says to choose "By ID"', async () => {
		api.script({ method: 'GET', path: '/models' }, { status: 404, json: { detail: 'Not Found' } });
		const error = await searchError('searchModels');

		expect(error.message).toBe('This server has no list of models (GET /models answered HTTP 404). Choose "By ID" and enter the model name, e.g. sora-2.');
	});
});
