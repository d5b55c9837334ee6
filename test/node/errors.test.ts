import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { API_KEY, credentialsFor } from '../harness/fake-api';
import { useFakeApi } from '../harness/fixtures';

const fake = useFakeApi();
const get = (videoId: string) => ({ resource: 'video', operation: 'get', videoId, options: { maxRetries: 0 } });

describe('API errors', () => {
	test.each([
		[400, { error: { message: 'Invalid size', type: 'invalid_request_error', param: 'size', code: 'invalid_value' } }, 'GET /videos/{video_id} failed (400, invalid_value): Invalid size'],
		[404, { error: { message: "Video with id 'v' not found", code: 'not_found' } }, "GET /videos/{video_id} failed (404, not_found): Video with id 'v' not found"],
		[429, { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, 'GET /videos/{video_id} failed (429, rate_limit_exceeded): Rate limit reached'],
		[500, { error: { message: 'Internal error', code: null } }, 'GET /videos/{video_id} failed (500): Internal error'],
		[503, { detail: 'Busy with another job' }, 'GET /videos/{video_id} failed (503): Busy with another job'],
	])('HTTP %i becomes a NodeApiError with the server message, code and status', async (status, json, message) => {
		fake.api.script({ method: 'GET', path: '/videos/v' }, { status, json });
		const { error } = await fake.run({ parameters: get('v') });

		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(message);
		expect((error as { httpCode?: string }).httpCode).toBe(String(status));
		expect(error?.description).toBeTruthy();
	});

	test('a plain-text error body is shown as it is', async () => {
		fake.api.script({ method: 'GET', path: '/videos/v' }, { status: 502, body: 'Bad gateway from upstream' });
		const { error } = await fake.run({ parameters: get('v') });

		expect(error?.message).toBe('GET /videos/{video_id} failed (502): Bad gateway from upstream');
	});

	test('a wrong API key gives the server message and says to check the credential', async () => {
		const { error } = await fake.run({ parameters: get('v'), credentials: credentialsFor(fake.api, { apiKey: 'sk-wrong-key' }) });

		expect(error?.message).toBe('The server rejected the API key (401, invalid_api_key): Incorrect API key provided');
		expect(error?.description).toMatch(/Check the API key/);
		expect(JSON.stringify(error)).not.toContain('sk-wrong-key');
	});

	test('Continue On Fail turns an API error into an error item and goes on with the other items', async () => {
		const video = fake.api.addVideo();
		const { items, error } = await fake.run({
			parameters: { ...get('={{ $json.id }}') },
			items: [{ json: { id: 'video_missing' } }, { json: { id: video.id } }],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(items[0].json.error).toMatch(/404/);
		expect(items[1].json.id).toBe(video.id);
	});
});

describe('secrets', () => {
	test('OpenAI-Organization and OpenAI-Project are sent only when filled; the key never shows in output', async () => {
		const video = fake.api.addVideo();
		await fake.run({ parameters: get(String(video.id)) });
		const { items } = await fake.run({
			parameters: get(String(video.id)),
			credentials: credentialsFor(fake.api, { organizationId: 'org-1', projectId: 'proj-1' }),
		});

		const [plain, withIds] = fake.api.requests;
		expect(plain.headers).not.toHaveProperty('openai-organization');
		expect(plain.headers).not.toHaveProperty('openai-project');
		expect(withIds.headers).toMatchObject({ 'openai-organization': 'org-1', 'openai-project': 'proj-1' });
		expect(JSON.stringify(items)).not.toContain(API_KEY);
	});

	test('the Azure-style api-key header replaces Bearer when chosen', async () => {
		const video = fake.api.addVideo();
		await fake.run({ parameters: get(String(video.id)), credentials: credentialsFor(fake.api, { authHeader: 'apiKey' }) });

		expect(fake.api.requests[0].headers['api-key']).toBe(API_KEY);
		expect(fake.api.requests[0].headers).not.toHaveProperty('authorization');
	});

	test('a download redirected to another host gets the file but never the key', async () => {
		const seen: IncomingHttpHeaders[] = [];
		const elsewhere = createServer((request, response) => {
			seen.push(request.headers);
			response.writeHead(200, { 'content-type': 'application/octet-stream' }).end('signed-bytes');
		});
		await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
		const signedUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}/signed/video.mp4`;
		const video = fake.api.addVideo();
		fake.api.script({ method: 'GET', path: `/videos/${video.id}/content` }, { status: 302, headers: { location: signedUrl } });

		const { items, error } = await fake.run({
			parameters: { resource: 'video', operation: 'download', videoId: String(video.id) },
			credentials: credentialsFor(fake.api, { organizationId: 'org-1' }),
		});
		elsewhere.close();

		expect(error).toBeUndefined();
		expect(items[0].binary?.data.mimeType).toBe('video/mp4');
		expect(seen).toHaveLength(1);
		expect(seen[0]).not.toHaveProperty('authorization');
		expect(seen[0]).not.toHaveProperty('openai-organization');
		expect(JSON.stringify(seen[0])).not.toContain(API_KEY);
	});

	test('a base URL with a trailing slash or without /v1 still reaches the API', async () => {
		const video = fake.api.addVideo();
		const origin = fake.api.baseUrl.replace(/\/v1$/, '');
		const slash = await fake.run({ parameters: get(String(video.id)), credentials: credentialsFor(fake.api, { baseUrl: `${fake.api.baseUrl}/` }) });
		const bare = await fake.run({ parameters: get(String(video.id)), credentials: credentialsFor(fake.api, { baseUrl: origin }) });

		expect([slash.error, bare.error]).toEqual([undefined, undefined]);
		expect(fake.api.requests.map((request) => request.url)).toEqual([`/v1/videos/${video.id}`, `/v1/videos/${video.id}`]);
	});
});
