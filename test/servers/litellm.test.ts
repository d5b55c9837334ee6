/**
 * LiteLLM proxy: long base64 IDs with '+', '/' and '=', another ID spelling on GET, `usage`,
 * Gemini jobs with null fields, content always MP4 (even a JSON error), no DELETE, list only
 * with custom_llm_provider, error codes as strings.
 */
import {
	bytesOf,
	calls,
	contentRequests,
	create,
	download,
	get,
	getAll,
	messageOf,
	NOT_READY,
	notOffered,
	polls,
	REJECTED_KEY,
	remix,
	remove,
	useProfile,
	videoId,
} from './helpers';

const fake = useProfile('litellm');
const encoded = (id: string) => `/videos/${encodeURIComponent(id)}`;

test('the fake gives LiteLLM-style IDs: video_ + base64, 150-250 chars, with +, / and = padding', () => {
	const id = String(fake.api.addVideo().id);
	expect(id).toMatch(/^video_[A-Za-z0-9+/]+={1,2}$/);
	expect(id.length).toBeGreaterThanOrEqual(150);
	expect(id.length).toBeLessThanOrEqual(250);
	expect(id).toContain('+');
	expect(id).toContain('/');
	expect(Buffer.from(id.slice('video_'.length), 'base64').toString()).toMatch(/^litellm:custom_llm_provider:openai;/);
});

describe('Create with Wait and Download', () => {
	test('polls the ID create returned, URL-encoded, though GET answers it without padding; then downloads the MP4', async () => {
		fake.api.jobPlan = { pollsUntilDone: 3, pollAfterMs: 20 };
		const { items, error } = await fake.run({ parameters: create() });

		expect(messageOf(error)).toBe('(no error)');
		const id = videoId(fake.api);
		expect(id).toMatch(/=$/);
		expect(polls(fake.api).map((request) => request.rawPath)).toEqual(Array(3).fill(encoded(id)));
		expect(contentRequests(fake.api).map((request) => request.rawPath)).toEqual([`${encoded(id)}/content`]);
		expect(calls(fake.api)).toHaveLength(5);
		// The output is the server's last answer, with its own fields (usage, its ID spelling).
		expect(items[0].json).toMatchObject({ status: 'completed', usage: { duration_seconds: 4 } });
		expect([id, id.replace(/=+$/, '')]).toContain(items[0].json.id);
		const binary = items[0].binary!.data;
		expect(binary.mimeType).toBe('video/mp4');
		expect(binary.fileName).toMatch(/\.mp4$/);
		expect((await bytesOf(binary)).toString()).toBe(`fake-mp4:${id}`);
	});

	test('a Gemini job reports "processing" with created_at, progress, seconds and size null, and is waited for', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 20 };
		const { items, error } = await fake.run({
			parameters: create({ model: 'gemini/veo-3.0-generate-preview', downloadResult: false }),
		});

		expect(messageOf(error)).toBe('(no error)');
		expect(polls(fake.api)).toHaveLength(2);
		expect(items[0].json).toMatchObject({ status: 'completed', created_at: null, seconds: null, size: null });
	});

	test('Wait off outputs the Gemini job as the server sent it, nulls and all', async () => {
		const { items, error } = await fake.run({
			parameters: create({ model: 'gemini/veo-3.0-generate-preview', waitForCompletion: false }),
		});

		expect(messageOf(error)).toBe('(no error)');
		expect(items[0].json).toMatchObject({ status: 'processing', progress: null, created_at: null, seconds: null, size: null });
		expect(items[0].json.id).toBe(videoId(fake.api));
	});

	test('a failed job names the string error code', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 20, outcome: 'failed', error: { code: '500', message: 'Upstream provider error' } };
		const { error } = await fake.run({ parameters: create() });

		expect(messageOf(error)).toBe(`Video job ${videoId(fake.api)} failed (500): Upstream provider error`);
	});
});

test('Get sends the long ID URL-encoded (%2B, %2F, %3D) and outputs the server fields', async () => {
	const id = String(fake.api.addVideo().id);
	const { items, error } = await fake.run({ parameters: get(id) });

	expect(messageOf(error)).toBe('(no error)');
	const [request] = fake.api.requests;
	expect(request.rawPath).toBe(encoded(id));
	for (const escaped of ['%2B', '%2F', '%3D']) expect(request.rawPath).toContain(escaped);
	expect(items[0].json).toMatchObject({ status: 'completed', usage: { duration_seconds: 4 }, id: id.replace(/=+$/, '') });
});

describe('Download', () => {
	test('the variant is ignored: the server sends video/mp4 with an unquoted filename= holding "="', async () => {
		const id = String(fake.api.addVideo().id);
		const { items, error } = await fake.run({ parameters: download(id, 'thumbnail') });

		expect(messageOf(error)).toBe('(no error)');
		expect(fake.api.requests[0].rawPath).toBe(`${encoded(id)}/content`);
		const binary = items[0].binary!.data;
		expect(binary.mimeType).toBe('video/mp4');
		expect((await bytesOf(binary)).toString()).toBe(`fake-mp4:${id}`);
	});

	test('too early: 200 video/mp4 with a JSON error body is an error naming the video, never a file', async () => {
		const id = String(fake.api.addVideo({ status: 'in_progress', progress: 30 }).id);
		const { items, error } = await fake.run({ parameters: download(id) });

		expect(items).toEqual([]);
		expect(messageOf(error)).toMatch(NOT_READY);
		expect(messageOf(error)).toContain(id);
	});
});

describe('routes LiteLLM lacks or restricts', () => {
	test('Get Many without custom_llm_provider fails with the server message', async () => {
		fake.api.addVideo();
		const { items, error } = await fake.run({ parameters: getAll() });

		expect(items).toEqual([]);
		expect(messageOf(error)).toMatch(/GET \/videos/);
		expect(messageOf(error)).toMatch(/custom_llm_provider/);
		expect(fake.api.requests.map((request) => request.path)).toEqual(['/videos']);
	});

	test('Delete (405) says the server does not offer it', async () => {
		const id = String(fake.api.addVideo().id);
		const { error } = await fake.run({ parameters: remove(id) });

		expect(messageOf(error)).toMatch(notOffered('DELETE /videos/{video_id}'));
		expect(fake.api.videos.has(id)).toBe(true);
	});

	test('the trigger cannot list without custom_llm_provider and says so', async () => {
		fake.api.addVideo();
		const runner = fake.trigger();

		await expect(runner.poll()).rejects.toThrow(/custom_llm_provider/);
	});
});

test('Remix posts to the URL-encoded ID and outputs the new job', async () => {
	const source = String(fake.api.addVideo().id);
	const { items, error } = await fake.run({ parameters: remix(source) });

	expect(messageOf(error)).toBe('(no error)');
	expect(fake.api.requests[0].rawPath).toBe(`${encoded(source)}/remix`);
	expect(items[0].json).toMatchObject({ status: 'queued', remixed_from_video_id: source });
	expect(String(items[0].json.id).length).toBeGreaterThanOrEqual(150);
});

test('a wrong key is the credential error', async () => {
	const { error } = await fake.run({ parameters: get('video_x'), credential: { apiKey: 'sk-wrong' } });

	expect(messageOf(error)).toMatch(REJECTED_KEY);
});

test('a base URL without /v1, or with a trailing slash, reaches the same routes', async () => {
	const id = String(fake.api.addVideo().id);
	const origin = fake.api.baseUrl.replace(/\/v1$/, '');
	const bare = await fake.run({ parameters: get(id), credential: { baseUrl: origin } });
	const slash = await fake.run({ parameters: get(id), credential: { baseUrl: `${fake.api.baseUrl}/` } });

	expect([messageOf(bare.error), messageOf(slash.error)]).toEqual(['(no error)', '(no error)']);
	expect(fake.api.requests.map((request) => request.url)).toEqual([`/v1${encoded(id)}`, `/v1${encoded(id)}`]);
});
