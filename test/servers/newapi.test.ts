/**
 * New API (QuantumNous): task_ IDs with a duplicate task_id, status "unknown" while running,
 * no seconds/size/completed_at, video_url and metadata.url, content 400 until completed (a failed
 * task too: controller/video_proxy.go), no list and no DELETE (one-api's "Invalid URL" 404, or Gin's
 * plain-text one), errors without code.
 */
import {
	bytesOf,
	calls,
	create,
	expectCompletedDownload,
	expectNotReadyDownload,
	download,
	get,
	getAll,
	messageOf,
	notOffered,
	polls,
	REJECTED_KEY,
	remove,
	useProfile,
	videoId,
} from './helpers';

const fake = useProfile('newapi');

describe('Create with Wait and Download', () => {
	test('waits through "unknown", downloads, and keeps task_id, video_url and metadata.url in the output', async () => {
		fake.api.jobPlan = { pollsUntilDone: 3, pollAfterMs: 20 };
		const { items, error } = await fake.run({ parameters: create() });

		expect(messageOf(error)).toBe('(no error)');
		const id = videoId(fake.api);
		expect(id).toMatch(/^task_[0-9a-f]{26}$/);
		expect(calls(fake.api)).toEqual(['POST /videos', ...Array(3).fill(`GET /videos/${id}`), `GET /videos/${id}/content`]);
		const url = `${fake.api.baseUrl}/videos/${id}/content`;
		expect(items[0].json).toEqual({
			id,
			task_id: id,
			object: 'video',
			model: 'sora-2',
			status: 'completed',
			progress: 100,
			created_at: expect.any(Number),
			video_url: url,
			metadata: { url },
		});
		expect((await bytesOf(items[0].binary!.data)).toString()).toBe(`fake-mp4:${id}`);
	});

	test.each([
		['pending', 'succeeded'],
		['processing', 'succeeded'],
	])('"%s" counts as running and "%s" as done', async (runningStatus, completedStatus) => {
		Object.assign(fake.api.profileOptions, { runningStatus, completedStatus });
		fake.api.jobPlan = { pollsUntilDone: 3, pollAfterMs: 20 };
		const { items, error } = await fake.run({ parameters: create() });

		expect(messageOf(error)).toBe('(no error)');
		expect(polls(fake.api)).toHaveLength(3);
		expect(items[0].json.status).toBe(completedStatus);
		expect(items[0].binary?.data.mimeType).toBe('video/mp4');
	});

	test('a failed job without an error code names the job and the message', async () => {
		fake.api.jobPlan = {
			pollsUntilDone: 1,
			pollAfterMs: 20,
			outcome: 'failed',
			error: { message: 'Content policy violation' } as { code: string; message: string },
		};
		const { error } = await fake.run({ parameters: create() });

		expect(messageOf(error)).toBe(`Video job ${videoId(fake.api)} failed: Content policy violation`);
	});
});

test('Get outputs the task as sent: missing seconds, size and completed_at are fine', async () => {
	const id = String(fake.api.addVideo({ status: 'in_progress', progress: 40 }).id);
	const { items, error } = await fake.run({ parameters: get(id) });

	expect(messageOf(error)).toBe('(no error)');
	expect(items[0].json).toEqual({
		id,
		task_id: id,
		object: 'video',
		model: 'sora-2',
		status: 'unknown',
		progress: 40,
		created_at: expect.any(Number),
	});
});

describe('Download', () => {
	test('of a completed task gives the file', async () => await expectCompletedDownload(fake));

	test('before completion (400 with an error body) says the video is not ready', async () => await expectNotReadyDownload(fake, 40));

	// New API answers a failed task's content as any unfinished one: 400 "Task is not completed yet, current status:
	// FAILURE" (QuantumNous/new-api controller/video_proxy.go); the fake answered 502 before its source was checked.
	test('after a failure (400, current status FAILURE) is an error naming the video, never a file', async () => {
		const id = String(fake.api.addVideo({ status: 'failed', error: { code: 'x', message: 'render crashed' } }).id);
		const { items, error } = await fake.run({ parameters: download(id) });

		expect(items).toEqual([]);
		expect(messageOf(error)).toContain(id);
		expect(fake.api.requests.at(-1)?.rawPath).toMatch(/\/content$/);
	});
});

describe.each([
	['relay', 'Invalid URL (GET /v1/videos)', 'Invalid URL (DELETE /v1/videos/'],
	['gin', '404 page not found', '404 page not found'],
])('routes New API lacks (notFound: %s, the server says "%s")', (notFound, listAnswer, deleteAnswer) => {
	beforeEach(() => Object.assign(fake.api.profileOptions, { notFound }));

	test('Get Many says the server does not offer GET /videos', async () => {
		fake.api.addVideo();
		const { error } = await fake.run({ parameters: getAll() });

		expect(messageOf(error)).toMatch(notOffered('GET /videos'));
		expect((error as { description?: string }).description).toContain(listAnswer);
	});

	test('Delete says the server does not offer DELETE /videos/{video_id}', async () => {
		const id = String(fake.api.addVideo().id);
		const { error } = await fake.run({ parameters: remove(id) });

		expect(messageOf(error)).toMatch(notOffered('DELETE /videos/{video_id}'));
		expect((error as { description?: string }).description).toContain(deleteAnswer);
	});

	test('a route it has, asked for an unknown task, is the task\'s 404, not a missing route', async () => {
		const { error } = await fake.run({ parameters: get('task_unknown') });

		expect(messageOf(error)).toMatch(/^GET \/videos\/\{video_id\} failed \(404\)/);
		expect((error as { description?: string }).description).toMatch(/Check the ID/);
	});

	test('the trigger says the server does not offer listing', async () => {
		fake.api.addVideo();
		await expect(fake.trigger().poll()).rejects.toThrow(/^The server does not offer .*GET \/videos/);
	});
});

test('a wrong key is the credential error', async () => {
	const { error } = await fake.run({ parameters: get('task_x'), credential: { apiKey: 'wrong' } });

	expect(messageOf(error)).toMatch(REJECTED_KEY);
});

test('a base URL without /v1 reaches /v1', async () => {
	const id = String(fake.api.addVideo().id);
	const { error } = await fake.run({ parameters: get(id), credential: { baseUrl: fake.api.baseUrl.replace(/\/v1$/, '') } });

	expect(messageOf(error)).toBe('(no error)');
	expect(fake.api.requests[0].url).toBe(`/v1/videos/${id}`);
});
