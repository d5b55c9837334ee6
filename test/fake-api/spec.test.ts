/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * The fake held to OpenAI's OpenAPI document (fake-api/openapi/, fake-api/spec.cjs), on the wire with
 * fetch: what the real API rejects, the fake rejects too (400 in the API's error shape, and
 * recorded so the test fails even if a client shrugged the 400 off); where the reference and the
 * document disagree, the reference wins (spec-overrides.cjs).
 */
import {
	API_KEY,
	assertNoSpecViolations,
	startFakeApi,
	takeSpecViolations,
	type FakeApi,
	type FakeApiProfile,
} from '../harness/fake-api';

const { loadSpec } = require('../../fake-api/spec.cjs') as { loadSpec(options?: { validateSchema?: boolean }): CompiledSpec };
const { OVERRIDES } = require('../../fake-api/spec-overrides.cjs') as { OVERRIDES: Array<{ where: string; why: string }> };

type Validator = (data: unknown) => boolean;
interface CompiledSpec {
	operations: Array<{
		id: string;
		parameters: Array<{ validate: Validator }>;
		body: Record<string, { validate: Validator }>;
		answers: Record<string, Record<string, Validator | undefined>>;
	}>;
}

const servers = new Map<FakeApiProfile, FakeApi>();
afterAll(async () => await Promise.all([...servers.values()].map(async (api) => await api.close())));

async function serve(profile: FakeApiProfile = 'openai'): Promise<FakeApi> {
	let api = servers.get(profile);
	if (!api) {
		api = await startFakeApi({ profile });
		servers.set(profile, api);
	}
	api.reset();
	return api;
}

interface Answer {
	status: number;
	json: { error?: { message: string; type: string; param: string | null; code: string | null } } & Record<string, unknown>;
}

async function call(api: FakeApi, method: string, path: string, body?: unknown): Promise<Answer> {
	const form = body instanceof FormData;
	const response = await fetch(`${api.baseUrl}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${API_KEY}`,
			...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
		},
		body: body === undefined ? undefined : form ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : {} };
}

const post = async (api: FakeApi, path: string, body: unknown) => await call(api, 'POST', path, body);

function multipart(fields: Record<string, string>, files: Record<string, [string, string]> = {}): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	for (const [name, [fileName, type]] of Object.entries(files)) form.append(name, new File([Buffer.from('bytes')], fileName, { type }));
	return form;
}

/** The answer is the API's 400 for `param` with `code`, and the fake recorded exactly that. */
function expectRejected(api: FakeApi, answer: Answer, operation: string, param: string | null, code: string) {
	expect(answer.status).toBe(400);
	expect(answer.json.error).toEqual({ message: expect.any(String), type: 'invalid_request_error', param, code });
	expect(takeSpecViolations(api)).toEqual([`request ${operation} ${param} ${code}`]);
}

const MP4: Record<string, [string, string]> = { video: ['clip.mp4', 'video/mp4'] };
const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==';

describe('Create: what the API rejects, the fake rejects', () => {
	test.each([
		['seconds "5"', { seconds: '5' }, 'seconds', 'invalid_value'],
		['seconds as a number', { seconds: 8 }, 'seconds', 'invalid_type'],
		['size "1x1"', { size: '1x1' }, 'size', 'invalid_value'],
		['a prompt of 32,001 characters', { prompt: 'x'.repeat(32_001) }, 'prompt', 'string_above_max_length'],
		['an empty prompt', { prompt: '' }, 'prompt', 'string_below_min_length'],
		['no prompt', { prompt: undefined }, 'prompt', 'missing_required_parameter'],
		['a model that is not a string', { model: 2 }, 'model', 'invalid_type'],
		['an image_url that is not a URL', { input_reference: { image_url: 'a cat.png' } }, 'input_reference.image_url', 'invalid_url'],
		['an image_url of another scheme', { input_reference: { image_url: 'ftp://example.com/a.png' } }, 'input_reference.image_url', 'invalid_url'],
		['image_url and file_id together', { input_reference: { image_url: 'https://example.com/a.png', file_id: 'file-1' } }, 'input_reference', 'invalid_value'],
		['an empty input_reference', { input_reference: {} }, 'input_reference', 'invalid_value'],
	])('%s (JSON)', async (_name, fields, param, code) => {
		const api = await serve();
		expectRejected(api, await post(api, '/videos', { prompt: 'A cat', ...fields }), 'createVideo', param, code);
		expect(api.videos.size).toBe(0);
	});

	test.each([
		['seconds "5"', { seconds: '5' }, {}, 'seconds', 'invalid_value'],
		['size "1x1"', { size: '1x1' }, {}, 'size', 'invalid_value'],
		['an input_reference URL as a text field', { input_reference: 'https://example.com/a.png' }, {}, 'input_reference', 'invalid_type'],
		['an input_reference[image_url] that is not a URL', { 'input_reference[image_url]': 'a cat' }, {}, 'input_reference.image_url', 'invalid_url'],
	])('%s (multipart)', async (_name, fields, files, param, code) => {
		const api = await serve();
		expectRejected(api, await post(api, '/videos', multipart({ prompt: 'A cat', ...fields }, files)), 'createVideo', param, code);
	});

	test.each([
		['the documented seconds and sizes', { seconds: '12', size: '1792x1024', model: 'sora-2-pro' }],
		['any model name (VideoModel is any string)', { model: 'my-deployment' }],
		['a prompt of exactly 32,000 characters', { prompt: 'x'.repeat(32_000) }],
		['an https image_url', { input_reference: { image_url: 'https://example.com/a.png' } }],
		['a base64 data: URL', { input_reference: { image_url: PNG_DATA_URL } }],
		['a file_id', { input_reference: { file_id: 'file-123' } }],
		['fields the document does not name (its schemas leave them open)', { negative_prompt: 'blur' }],
	])('accepts %s', async (_name, fields) => {
		const api = await serve();
		const answer = await post(api, '/videos', { prompt: 'A cat', ...fields });
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ object: 'video', status: 'queued' });
	});

	test('accepts a multipart create with an image file, and one with input_reference[image_url]', async () => {
		const api = await serve();
		expect((await post(api, '/videos', multipart({ prompt: 'A cat', seconds: '8' }, { input_reference: ['f.png', 'image/png'] }))).status).toBe(200);
		expect((await post(api, '/videos', multipart({ prompt: 'A cat', 'input_reference[image_url]': 'https://example.com/a.png' }))).status).toBe(200);
	});

	test('a body that is neither JSON nor multipart is refused', async () => {
		const api = await serve();
		const response = await fetch(`${api.baseUrl}/videos`, {
			method: 'POST',
			headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'text/plain' },
			body: 'prompt=A cat',
		});
		expect(response.status).toBe(400);
		expect(takeSpecViolations(api)).toEqual(['request createVideo null unsupported_content_type']);
	});
});

describe('Remix, Edit, Extend', () => {
	test('remix: the prompt is checked like create\'s', async () => {
		const api = await serve();
		const id = String(api.addVideo().id);
		expectRejected(api, await post(api, `/videos/${id}/remix`, { prompt: 'y'.repeat(32_001) }), 'CreateVideoRemix', 'prompt', 'string_above_max_length');
		expect((await post(api, `/videos/${id}/remix`, multipart({ prompt: 'Again' }))).status).toBe(200);
	});

	test('edit: needs the video, as {id} in JSON, video[id] or a file in multipart', async () => {
		const api = await serve();
		const id = String(api.addVideo().id);
		expectRejected(api, await post(api, '/videos/edits', { prompt: 'Edit' }), 'CreateVideoEdit', 'video', 'missing_required_parameter');
		expectRejected(api, await post(api, '/videos/edits', { prompt: 'Edit', video: id }), 'CreateVideoEdit', 'video', 'invalid_type');
		expect((await post(api, '/videos/edits', { prompt: 'Edit', video: { id } })).status).toBe(200);
		expect((await post(api, '/videos/edits', multipart({ prompt: 'Edit', 'video[id]': id }))).status).toBe(200);
		expect((await post(api, '/videos/edits', multipart({ prompt: 'Edit' }, MP4))).status).toBe(200);
	});

	// The reference wins over the document: VideoSeconds' enum says 4, 8, 12, the reference and the
	// field's own description say 4, 8, 12, 16, 20 (spec-overrides.cjs).
	test.each(['4', '8', '12', '16', '20'])('extend takes seconds "%s" (the reference\'s values)', async (seconds) => {
		const api = await serve();
		const id = String(api.addVideo({ seconds: '4' }).id);
		const answer = await post(api, '/videos/extensions', { prompt: 'More', seconds, video: { id } });
		expect(answer.status).toBe(200);
		expect(answer.json.seconds).toBe(String(4 + Number(seconds)));
		expect((await post(api, '/videos/extensions', multipart({ prompt: 'More', seconds }, MP4))).status).toBe(200);
	});

	test.each([
		['seconds "24"', { seconds: '24' }, 'seconds', 'invalid_value'],
		['seconds "6"', { seconds: '6' }, 'seconds', 'invalid_value'],
		['seconds as a number', { seconds: 8 }, 'seconds', 'invalid_type'],
		['no seconds', { seconds: undefined }, 'seconds', 'missing_required_parameter'],
	])('extend rejects %s', async (_name, fields: Record<string, unknown>, param, code) => {
		const api = await serve();
		const id = String(api.addVideo().id);
		expectRejected(api, await post(api, '/videos/extensions', { prompt: 'More', video: { id }, ...fields }), 'CreateVideoExtend', param, code);
	});
});

describe('Characters', () => {
	test('a name of 81 characters is rejected, 80 are fine', async () => {
		const api = await serve();
		expectRejected(api, await post(api, '/videos/characters', multipart({ name: 'n'.repeat(81) }, MP4)), 'CreateVideoCharacter', 'name', 'string_above_max_length');
		const created = await post(api, '/videos/characters', multipart({ name: 'n'.repeat(80) }, MP4));
		expect(created.status).toBe(200);
		expect(Object.keys(created.json).sort()).toEqual(['created_at', 'id', 'name']); // no `object`: the document declares none
	});

	test.each([
		['no video', { name: 'Mia' }, {}, 'video', 'missing_required_parameter'],
		['the video as a text field', { name: 'Mia', video: 'clip.mp4' }, {}, 'video', 'invalid_type'],
		['no name', {}, MP4, 'name', 'missing_required_parameter'],
		['an empty name', { name: '' }, MP4, 'name', 'string_below_min_length'],
	])('create rejects %s', async (_name, fields, files, param, code) => {
		const api = await serve();
		expectRejected(api, await post(api, '/videos/characters', multipart(fields, files)), 'CreateVideoCharacter', param, code);
	});

	test('create is multipart only', async () => {
		const api = await serve();
		expectRejected(api, await post(api, '/videos/characters', { name: 'Mia' }), 'CreateVideoCharacter', null, 'unsupported_content_type');
	});
});

describe('query parameters', () => {
	test.each([
		['/videos?limit=101', 'ListVideos', 'limit', 'integer_above_max_value'],
		['/videos?limit=-1', 'ListVideos', 'limit', 'integer_below_min_value'],
		['/videos?limit=ten', 'ListVideos', 'limit', 'invalid_type'],
		['/videos?order=newest', 'ListVideos', 'order', 'invalid_value'],
		['/videos/video_1/content?variant=poster', 'RetrieveVideoContent', 'variant', 'invalid_value'],
	])('GET %s is rejected', async (path, operation, param, code) => {
		const api = await serve();
		api.addVideo();
		expectRejected(api, await call(api, 'GET', path), operation, param, code);
	});

	test('the documented values pass, and a query parameter the document does not name is left alone', async () => {
		const api = await serve();
		const [first] = [api.addVideo(), api.addVideo()];
		expect((await call(api, 'GET', `/videos?limit=100&order=asc&after=${String(first.id)}&custom_llm_provider=openai`)).status).toBe(200);
		for (const variant of ['video', 'thumbnail', 'spritesheet']) {
			expect((await fetch(`${api.baseUrl}/videos/${String(first.id)}/content?variant=${variant}`, { headers: { authorization: `Bearer ${API_KEY}` } })).status).toBe(200);
		}
	});
});

describe('paths', () => {
	test('a path the document does not have is answered as the API does (404 "Invalid URL") and recorded', async () => {
		const api = await serve();
		const answer = await call(api, 'GET', '/videos/video_1/thumbnail');
		expect(answer.status).toBe(404);
		expect(answer.json.error).toEqual({ message: 'Invalid URL (GET /v1/videos/video_1/thumbnail)', type: 'invalid_request_error', param: null, code: null });
		expect(takeSpecViolations(api)).toEqual(['request null null unknown_url']);
	});

	test('PATCH of a video is not an operation of the document', async () => {
		const api = await serve();
		expect((await call(api, 'PATCH', '/videos/video_1', { prompt: 'x' })).status).toBe(404);
		expect(takeSpecViolations(api)).toEqual(['request null null unknown_url']);
	});
});

describe('answers of the fake', () => {
	test('a video the test gave an undeclared size makes the answer a violation', async () => {
		const api = await serve();
		const id = String(api.addVideo({ size: '' }).id);
		expect((await call(api, 'GET', `/videos/${id}`)).status).toBe(200);
		expect(takeSpecViolations(api)).toEqual(['answer GetVideo size invalid_value']);
	});

	test('a field the document does not declare is a violation', async () => {
		const api = await serve();
		const id = String(api.addVideo({ quality: 'standard' }).id);
		await call(api, 'GET', `/videos/${id}`);
		expect(takeSpecViolations(api)).toEqual(['answer GetVideo quality undeclared_property']);
	});

	test('content a test set with its own type is not the fake\'s own answer; the default spritesheet is image/jpeg', async () => {
		const api = await serve();
		const id = String(api.addVideo().id);
		api.setContent(id, 'video', { body: 'x', contentType: 'video/webm' });
		const headers = { authorization: `Bearer ${API_KEY}` };
		expect((await fetch(`${api.baseUrl}/videos/${id}/content`, { headers })).headers.get('content-type')).toBe('video/webm');
		const sheet = await fetch(`${api.baseUrl}/videos/${id}/content?variant=spritesheet`, { headers });
		expect(sheet.headers.get('content-type')).toBe('image/jpeg');
		expect(takeSpecViolations(api)).toEqual([]);
	});

	test('the errors it gives are the document\'s ErrorResponse', async () => {
		const api = await serve();
		const wrongKey = await fetch(`${api.baseUrl}/videos`, { headers: { authorization: 'Bearer nope' } });
		expect(wrongKey.status).toBe(401);
		expect((await call(api, 'GET', '/videos/video_missing')).status).toBe(404);
		expect((await call(api, 'DELETE', '/videos/video_missing')).status).toBe(404);
		expect(takeSpecViolations(api)).toEqual([]);
	});
});

describe('the servers that hand requests to OpenAI hold them to the document too', () => {
	test('LiteLLM with an OpenAI model: the upstream\'s 400, in LiteLLM\'s error shape', async () => {
		const api = await serve('litellm');
		const answer = await post(api, '/videos', { prompt: 'A cat', model: 'sora-2', seconds: '5' });
		expect(answer.status).toBe(400);
		expect(answer.json.error).toMatchObject({ param: null, code: '400' });
		expect(takeSpecViolations(api)).toEqual(['request createVideo seconds invalid_value']);
	});

	test('LiteLLM with a Veo model: its own values (e.g. 6 seconds) go through', async () => {
		const api = await serve('litellm');
		expect((await post(api, '/videos', { prompt: 'A cat', model: 'gemini/veo-3.0-generate-preview', seconds: '6', aspect_ratio: '16:9' })).status).toBe(200);
	});

	test('Azure OpenAI (its v1 API is OpenAI\'s)', async () => {
		const api = await serve('azure');
		const answer = await post(api, '/videos', { prompt: 'A cat', model: 'my-deployment', size: '1x1' });
		expect(answer.status).toBe(400);
		expect(takeSpecViolations(api)).toEqual(['request createVideo size invalid_value']);
	});

	test('a relay', async () => {
		const api = await serve('relay');
		expect((await post(api, '/videos', { prompt: 'A cat', seconds: 4 })).status).toBe(400);
		expect(takeSpecViolations(api)).toEqual(['request createVideo seconds invalid_type']);
	});

	test.each(['vllm', 'sglang', 'aquiles'] as const)('%s keeps its own rules (not held to the document)', async (profile) => {
		const api = await serve(profile);
		const form = multipart({ prompt: 'A cat', seconds: '5', size: '1x1' }, { input_reference: ['f.png', 'image/png'] });
		expect((await post(api, '/videos', form)).status).toBe(200);
		expect(takeSpecViolations(api)).toEqual([]);
	});
});

describe('the check itself', () => {
	test('a violation left behind fails the test (the afterEach of test/harness/spec-violations.ts)', async () => {
		const api = await serve();
		await post(api, '/videos', { prompt: 'A cat', seconds: '5' });
		expect(assertNoSpecViolations).toThrow(/request POST \/videos \(createVideo\): Invalid value: '5'\. Supported values are: '4', '8', and '12'\. \[param seconds, code invalid_value\]/);
		expect(assertNoSpecViolations).not.toThrow(); // taken: the next test starts clean
	});

	test('the vendored document is valid JSON Schema 2020-12, and every validator in it compiles', () => {
		const spec = loadSpec({ validateSchema: true });
		expect(spec.operations.map((op) => op.id).sort()).toEqual([
			'CreateVideoCharacter',
			'CreateVideoEdit',
			'CreateVideoExtend',
			'CreateVideoRemix',
			'DeleteVideo',
			'GetVideo',
			'GetVideoCharacter',
			'ListVideos',
			'RetrieveVideoContent',
			'createVideo',
		]);
		for (const op of spec.operations) {
			for (const validate of [
				...op.parameters.map((parameter) => parameter.validate),
				...Object.values(op.body).map((body) => body.validate),
				...Object.values(op.answers).flatMap((answers) => Object.values(answers)),
			]) {
				expect(() => validate?.({})).not.toThrow();
			}
		}
	});

	test('each place the reference overrules the document says where and why', () => {
		expect(OVERRIDES.map((override) => override.where)).toEqual([
			'CreateVideoExtendJsonBody.seconds, CreateVideoExtendMultipartBody.seconds',
			'ImageRefParam-2.image_url',
			'ImageRefParam-2',
			'RetrieveVideoContent 200',
		]);
		for (const override of OVERRIDES) expect(override.why.length).toBeGreaterThan(40);
	});
});
