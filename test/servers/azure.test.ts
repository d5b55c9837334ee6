/**
 * Azure OpenAI (Sora 2): base /openai/v1, the key in an `api-key` header (Bearer accepted too),
 * deployment names as models, two creates per (here: shortened) minute, then 429.
 */
import { API_KEY } from '../harness/fake-api';
import {
	addVideos,
	bytesOf,
	calls,
	create,
	download,
	expectFinishedJobEmittedOnce,
	get,
	getAll,
	messageOf,
	REJECTED_KEY,
	remix,
	remove,
	useProfile,
	videoId,
} from './helpers';

const fake = useProfile('azure', { windowMs: 60_000 });
const apiKeyHeader = { authHeader: 'apiKey' };

test('the fake serves under /openai/v1', () => {
	expect(fake.api.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openai\/v1$/);
});

test('Create with a deployment name waits and downloads, every request with the api-key header and no Bearer', async () => {
	fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 20 };
	const { items, error } = await fake.run({
		parameters: create({ model: 'my-sora-2-deployment', seconds: '8', size: '1280x720' }),
		credential: { ...apiKeyHeader, baseUrl: `${fake.api.baseUrl}/` },
	});

	expect(messageOf(error)).toBe('(no error)');
	const id = videoId(fake.api);
	expect(calls(fake.api)).toEqual(['POST /videos', `GET /videos/${id}`, `GET /videos/${id}`, `GET /videos/${id}/content`]);
	expect(fake.api.requests[0].json).toEqual({ prompt: 'A lighthouse at dawn', model: 'my-sora-2-deployment', seconds: '8', size: '1280x720' });
	for (const request of fake.api.requests) {
		expect(request.url.startsWith('/openai/v1/videos')).toBe(true);
		expect(request.headers['api-key']).toBe(API_KEY);
		expect(request.headers).not.toHaveProperty('authorization');
	}
	expect(items[0].json).toMatchObject({ id, status: 'completed', model: 'my-sora-2-deployment' });
	expect((await bytesOf(items[0].binary!.data)).toString()).toBe(`fake-mp4:${id}`);
});

describe('two creates per window, then 429 with retry-after: 1', () => {
	test('a third create is retried after retry-after and each item starts exactly one job', async () => {
		fake.api.profileOptions.windowMs = 600;
		const items = [1, 2, 3].map((n) => ({ json: { n } }));
		const result = await fake.run({
			parameters: create({ prompt: '={{ "scene " + $json.n }}', waitForCompletion: false }),
			items,
			credential: apiKeyHeader,
		});

		expect(messageOf(result.error)).toBe('(no error)');
		expect(result.items.map((item) => item.json.prompt)).toEqual(['scene 1', 'scene 2', 'scene 3']);
		expect(fake.api.videos.size).toBe(3);
		const posts = fake.api.requests.filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(4);
		// The refused one came back no sooner than retry-after said.
		expect(posts[3].receivedAt - posts[2].receivedAt).toBeGreaterThanOrEqual(950);
	});

	test('with Max Retries 0 the 429 is an error with the server message', async () => {
		fake.api.profileOptions.createsPerWindow = 0;
		const { error } = await fake.run({
			parameters: create({ waitForCompletion: false, options: { maxRetries: 0 } }),
			credential: apiKeyHeader,
		});

		expect(messageOf(error)).toMatch(/POST \/videos failed \(429.*exceeded the rate limit/);
		expect(fake.api.videos.size).toBe(0);
	});
});

test('Get, Download, Get Many, Remix and Delete with the api-key header', async () => {
	const [first, second] = addVideos(fake.api, 2).map((video) => String(video.id));
	const got = await fake.run({ parameters: get(first), credential: apiKeyHeader });
	const file = await fake.run({ parameters: download(first), credential: apiKeyHeader });
	const listed = await fake.run({ parameters: getAll(), credential: apiKeyHeader });
	const remixed = await fake.run({ parameters: remix(first), credential: apiKeyHeader });
	const deleted = await fake.run({ parameters: remove(second), credential: apiKeyHeader });

	expect([got, file, listed, remixed, deleted].map((run) => messageOf(run.error))).toEqual(Array(5).fill('(no error)'));
	expect(got.items[0].json).toEqual(fake.api.videos.get(first));
	expect(file.items[0].binary!.data.mimeType).toBe('video/mp4');
	expect(listed.items.map((item) => item.json.id)).toEqual([second, first]);
	expect(remixed.items[0].json).toMatchObject({ status: 'queued', remixed_from_video_id: first });
	expect(deleted.items[0].json).toEqual({ id: second, object: 'video.deleted', deleted: true });
	expect(fake.api.requests.every((request) => request.headers['api-key'] === API_KEY && !request.headers.authorization)).toBe(true);
});

test('Bearer is accepted too', async () => {
	const id = String(fake.api.addVideo().id);
	const { error } = await fake.run({ parameters: get(id) });

	expect(messageOf(error)).toBe('(no error)');
	expect(fake.api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
});

test('the trigger lists with the api-key header and emits a finished job once', async () => {
	await expectFinishedJobEmittedOnce(fake, { credential: apiKeyHeader });

	expect(fake.api.requests.every((request) => request.headers['api-key'] === API_KEY)).toBe(true);
});

test('a wrong key is the credential error', async () => {
	const { error } = await fake.run({ parameters: get('video_1'), credential: { ...apiKeyHeader, apiKey: 'wrong' } });

	expect(messageOf(error)).toMatch(REJECTED_KEY);
});
