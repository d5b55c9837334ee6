/**
 * vLLM-Omni: multipart-only create (JSON: vLLM's 400 validation error), video_gen_<hex> IDs, content
 * 404 while running and 422 after a failure, DELETE of a running job cancels it (a 409 from a server
 * that refuses is shown), no remix ({"detail":"Not Found"}), integer error codes.
 */
import {
	addVideos,
	bytesOf,
	calls,
	create,
	expectCompletedDownload,
	expectNotReadyDownload,
	download,
	get,
	getAll,
	messageOf,
	NOT_READY,
	notOffered,
	REJECTED_KEY,
	remix,
	remove,
	useProfile,
	videoId,
} from './helpers';

const fake = useProfile('vllm');
const multipart = { sendAsMultipart: true };

describe('Create', () => {
	// vLLM-Omni's create takes form fields; a JSON body fails FastAPI's validation, which vLLM answers 400
	// (vllm/entrypoints/openai/api_server.py validation_exception_handler; LiteLLM PR #38148). The fake said 415 before.
	test('as JSON is refused (400) with an error that names the request and the server message', async () => {
		const { error } = await fake.run({ parameters: create({ waitForCompletion: false }) });

		expect(messageOf(error)).toMatch(/POST \/videos failed \(400/);
		expect(messageOf(error)).toMatch(/Field required/);
		expect(fake.api.videos.size).toBe(0);
	});

	test('with Send as Multipart goes through, waits and downloads', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 20 };
		const { items, error } = await fake.run({
			parameters: create({ model: 'Wan-AI/Wan2.2-T2V-A14B-Diffusers', seconds: '4', options: multipart }),
		});

		expect(messageOf(error)).toBe('(no error)');
		const [post] = fake.api.requests;
		expect(post.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(post.form?.fields).toEqual({ prompt: 'A lighthouse at dawn', model: 'Wan-AI/Wan2.2-T2V-A14B-Diffusers', seconds: '4' });
		const id = videoId(fake.api);
		expect(id).toMatch(/^video_gen_[0-9a-f]{32}$/);
		expect(calls(fake.api)).toEqual(['POST /videos', `GET /videos/${id}`, `GET /videos/${id}`, `GET /videos/${id}/content`]);
		expect(items[0].json).toMatchObject({ id, status: 'completed' });
		expect((await bytesOf(items[0].binary!.data)).toString()).toBe(`fake-mp4:${id}`);
	});

	test('a failed job names the integer error code', async () => {
		fake.api.jobPlan = {
			pollsUntilDone: 1,
			pollAfterMs: 20,
			outcome: 'failed',
			error: { code: 500, message: 'CUDA out of memory' } as unknown as { code: string; message: string },
		};
		const { error } = await fake.run({ parameters: create({ options: multipart }) });

		expect(messageOf(error)).toBe(`Video job ${videoId(fake.api)} failed (500): CUDA out of memory`);
		expect(fake.api.requests.some((request) => request.path.endsWith('/content'))).toBe(false);
	});
});

test('Get outputs the video', async () => {
	const id = String(fake.api.addVideo().id);
	const { items, error } = await fake.run({ parameters: get(id) });

	expect(messageOf(error)).toBe('(no error)');
	expect(items[0].json).toEqual(fake.api.videos.get(id));
});

describe('Download', () => {
	test('of a completed video gives the file', async () => await expectCompletedDownload(fake));

	test('while running (404 with an error body) says the video is not ready', async () => await expectNotReadyDownload(fake, 50));

	test('after a failure (422) says the video has no file to give', async () => {
		const id = String(fake.api.addVideo({ status: 'failed' }).id);
		const { error } = await fake.run({ parameters: download(id) });

		expect(messageOf(error)).toMatch(NOT_READY);
		expect(messageOf(error)).toContain(id);
	});
});

test('Get Many lists every video', async () => {
	const ids = addVideos(fake.api, 3).map((video) => video.id);
	const { items, error } = await fake.run({ parameters: getAll() });

	expect(messageOf(error)).toBe('(no error)');
	expect(items.map((item) => item.json.id)).toEqual(ids.reverse());
});

describe('Delete', () => {
	test('of a finished video works', async () => {
		const id = String(fake.api.addVideo().id);
		const { items, error } = await fake.run({ parameters: remove(id) });

		expect(messageOf(error)).toBe('(no error)');
		expect(items[0].json).toEqual({ id, object: 'video.deleted', deleted: true });
	});

	// vLLM-Omni cancels a running job on DELETE (tests/entrypoints/openai_api/test_video_server.py, PR #6759).
	test('of a running job cancels it', async () => {
		const id = String(fake.api.addVideo({ status: 'in_progress', progress: 10 }).id);
		const { items, error } = await fake.run({ parameters: remove(id) });

		expect(messageOf(error)).toBe('(no error)');
		expect(items[0].json).toEqual({ id, object: 'video.deleted', deleted: true });
		expect(fake.api.videos.has(id)).toBe(false);
	});

	test('of a running job on a server that refuses (409) gives the status and the server message', async () => {
		Object.assign(fake.api.profileOptions, { deleteRunning: 'conflict' });
		const id = String(fake.api.addVideo({ status: 'in_progress', progress: 10 }).id);
		const { error } = await fake.run({ parameters: remove(id) });

		expect(messageOf(error)).toMatch(/^DELETE \/videos\/\{video_id\} failed \(409/);
		expect(messageOf(error)).toMatch(/still in_progress and cannot be deleted/);
		expect(fake.api.videos.has(id)).toBe(true);
	});
});

test('Remix ({"detail":"Not Found"}) says the server does not offer it', async () => {
	const id = String(fake.api.addVideo().id);
	const { error } = await fake.run({ parameters: remix(id) });

	expect(messageOf(error)).toMatch(notOffered('POST /videos/{video_id}/remix'));
});

test('the trigger emits a finished job once', async () => {
	fake.api.addVideo();
	const runner = fake.trigger();
	expect(await runner.poll()).toBeNull();
	const job = String(fake.api.addVideo({ status: 'queued', progress: 0 }).id);
	expect(await runner.poll()).toBeNull();
	fake.api.setStatus(job, 'completed');

	const emitted = await runner.poll();
	expect(emitted?.map((item) => item.json.id)).toEqual([job]);
	expect(await runner.poll()).toBeNull();
});

test('a wrong key ({"error":"Unauthorized"}) is the credential error', async () => {
	const { error } = await fake.run({ parameters: get('video_gen_0'), credential: { apiKey: 'wrong' } });

	expect(messageOf(error)).toMatch(REJECTED_KEY);
});
