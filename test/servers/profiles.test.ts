/**
 * The server profiles of the fake themselves (test/fake-api/profiles.cjs), on the wire with
 * fetch: what the node tests in this folder rely on, and the parts no node operation can reach.
 */
import { API_KEY, startFakeApi, type FakeApiProfile } from '../harness/fake-api';
import type { ProfiledFakeApi } from './helpers';

const servers: ProfiledFakeApi[] = [];
afterAll(async () => await Promise.all(servers.map(async (api) => await api.close())));

async function serve(profile: FakeApiProfile, profileOptions: Record<string, unknown> = {}) {
	const api = (await startFakeApi({ profile, profileOptions })) as ProfiledFakeApi;
	servers.push(api);
	const call = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${api.baseUrl}${path}`, {
			method,
			redirect: 'manual',
			headers: { authorization: `Bearer ${API_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, headers: response.headers, text, json: json as Record<string, unknown> };
	};
	return { api, call };
}

test('without a profile the fake is the OpenAI reference, as before', async () => {
	const api = (await startFakeApi()) as ProfiledFakeApi;
	servers.push(api);

	expect(api.profile).toBe('openai');
	expect(api.baseUrl).toMatch(/\/v1$/);
	expect(api.relayRequests).toEqual([]);
	expect(api.relayBaseUrl).toBeUndefined();
	expect(api.addVideo().id).toBe('video_1');
});

describe('litellm', () => {
	test('lists with custom_llm_provider, refuses Gemini listing, finds both ID spellings', async () => {
		const { api, call } = await serve('litellm');
		const id = String(api.addVideo().id);

		const listed = await call('GET', '/videos?custom_llm_provider=openai');
		expect(listed.status).toBe(200);
		expect((listed.json.data as Array<{ id: string }>).map((video) => video.id)).toEqual([id]);
		expect((await call('GET', '/videos?custom_llm_provider=gemini')).status).toBe(400);
		const unpadded = await call('GET', `/videos/${encodeURIComponent(id.replace(/=+$/, ''))}`);
		expect(unpadded.status).toBe(200);
		expect(unpadded.json.id).toBe(id.replace(/=+$/, ''));
		const content = await call('GET', `/videos/${encodeURIComponent(id)}/content?variant=spritesheet`);
		// LiteLLM's video_content names the file video_<id>.mp4 (litellm/proxy/video_endpoints/endpoints.py, see profiles.cjs).
		expect(content.headers.get('content-disposition')).toBe(`attachment; filename=video_${id}.mp4`);
		expect(content.headers.get('content-type')).toBe('video/mp4');
		const error = await call('GET', '/videos/video_missing');
		expect(error.json).toMatchObject({ error: { code: '404' } });
	});

	test('getIdSpelling "same" answers GET with the created spelling', async () => {
		const { api, call } = await serve('litellm', { getIdSpelling: 'same' });
		const id = String(api.addVideo().id);

		expect((await call('GET', `/videos/${encodeURIComponent(id)}`)).json.id).toBe(id);
	});
});

test('azure: the create window frees up after windowMs', async () => {
	const { api, call } = await serve('azure', { createsPerWindow: 1, windowMs: 200 });

	expect(api.baseUrl).toMatch(/\/openai\/v1$/);
	expect((await call('POST', '/videos', { prompt: 'a' })).status).toBe(200);
	const refused = await call('POST', '/videos', { prompt: 'b' });
	expect(refused.status).toBe(429);
	expect(refused.headers.get('retry-after')).toBe('1');
	await new Promise((resolve) => setTimeout(resolve, 250));
	expect((await call('POST', '/videos', { prompt: 'c' })).status).toBe(200);
});

test('newapi: one-api\'s 404 "Invalid URL (METHOD /path)" for the routes it lacks, or Gin\'s plain text', async () => {
	const { call } = await serve('newapi');
	const listed = await call('GET', '/videos?limit=1');
	const deleted = await call('DELETE', '/videos/task_x');
	const { call: callGin } = await serve('newapi', { notFound: 'gin' });
	const gin = await callGin('GET', '/videos');

	expect([listed.status, listed.json]).toEqual([
		404,
		{ error: { message: 'Invalid URL (GET /v1/videos)', type: 'invalid_request_error', param: '', code: '' } },
	]);
	expect(deleted.json.error).toMatchObject({ message: 'Invalid URL (DELETE /v1/videos/task_x)' });
	expect([gin.status, gin.headers.get('content-type'), gin.text]).toEqual([404, 'text/plain; charset=utf-8', '404 page not found']);
});

test.each<FakeApiProfile>(['openai', 'litellm', 'azure', 'newapi', 'vllm', 'sglang', 'aquiles', 'relay'])(
	'%s: GET /models lists models (with the key)',
	async (profile) => {
		const { call } = await serve(profile);
		const models = await call('GET', '/models');

		expect(models.status).toBe(200);
		expect(models.json).toMatchObject({ object: 'list', data: [{ id: 'sora-2', object: 'model' }, { id: 'sora-2-pro', object: 'model' }] });
	},
);

test('vllm: remix and unknown routes answer FastAPI 404 {"detail":"Not Found"}', async () => {
	const { api, call } = await serve('vllm');
	const id = String(api.addVideo().id);

	expect((await call('POST', `/videos/${id}/remix`, { prompt: 'x' })).json).toEqual({ detail: 'Not Found' });
	expect((await call('GET', '/nothing')).json).toEqual({ detail: 'Not Found' });
});

test('sglang: seconds as an integer in the request come back as a string, size as ""', async () => {
	const { call } = await serve('sglang');
	const created = await call('POST', '/videos', { prompt: 'p', seconds: 8 });

	expect(created.json).toMatchObject({ seconds: '8', size: '' });
	const listed = await call('GET', '/videos');
	expect(Object.keys(listed.json).sort()).toEqual(['data', 'object']);
});

test('aquiles: an unknown after cursor lists from the top', async () => {
	const { api, call } = await serve('aquiles');
	const ids = [api.addVideo(), api.addVideo()].map((video) => video.id).reverse();

	const listed = await call('GET', '/videos?after=video_gone');
	expect((listed.json.data as Array<{ id: string }>).map((video) => video.id)).toEqual(ids);
	expect((await call('GET', `/videos?after=${ids[0]}`)).json.data).toHaveLength(1);
});

test('relay: the signed URL checks its signature and carries no content-disposition', async () => {
	const { api, call } = await serve('relay');
	const id = String(api.addVideo().id);
	const redirect = await call('GET', `/videos/${id}/content`);
	expect(redirect.status).toBe(302);
	const location = String(redirect.headers.get('location'));
	expect(location.startsWith(`${api.relayBaseUrl}/signed/`)).toBe(true);

	const signed = await fetch(location);
	expect([signed.status, signed.headers.get('content-type'), await signed.text()]).toEqual([200, 'application/octet-stream', `fake-mp4:${id}`]);
	expect(signed.headers.get('content-disposition')).toBeNull();
	expect((await fetch(location.replace(/sig=[0-9a-f]/, 'sig=x'))).status).toBe(403);
	expect(api.relayRequests).toHaveLength(2);
	api.reset();
	expect(api.relayRequests).toEqual([]);
});
