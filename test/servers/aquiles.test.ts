/**
 * Aquiles-Image: status "processing", no completed_at/expires_at, progress in steps of 10, one
 * job at a time (503 "The limit of 1 concurrent tasks has been reached"), content 500 (plain text) before completion, 403 for a bad key, errors as
 * {"detail": …}, and an unknown `after` cursor that lists from the top again.
 */
import {
	addVideos,
	bytesOf,
	calls,
	create,
	expectCompletedDownload,
	expectFinishedJobEmittedOnce,
	expectNotReadyDownload,
	get,
	getAll,
	messageOf,
	REJECTED_KEY,
	remove,
	useProfile,
	videoId,
} from './helpers';

const fake = useProfile('aquiles');

describe('Create', () => {
	test('waits through "processing", downloads, and outputs the video without completed_at/expires_at', async () => {
		fake.api.jobPlan = { pollsUntilDone: 3, pollAfterMs: 20 };
		const { items, error } = await fake.run({ parameters: create() });

		expect(messageOf(error)).toBe('(no error)');
		const id = videoId(fake.api);
		expect(calls(fake.api)).toEqual(['POST /videos', ...Array(3).fill(`GET /videos/${id}`), `GET /videos/${id}/content`]);
		expect(items[0].json).toMatchObject({ id, status: 'completed', progress: 100 });
		expect(items[0].json).not.toHaveProperty('completed_at');
		expect(items[0].json).not.toHaveProperty('expires_at');
		expect((await bytesOf(items[0].binary!.data)).toString()).toBe(`fake-mp4:${id}`);
	});

	test('while another job runs the server answers 503 (its concurrency limit), and the error says so', async () => {
		fake.api.addVideo({ status: 'in_progress', progress: 30 });
		const { error } = await fake.run({ parameters: create({ waitForCompletion: false, options: { maxRetries: 0 } }) });

		expect(messageOf(error)).toMatch(/POST \/videos failed \(503\): The limit of 1 concurrent tasks has been reached/);
		expect(fake.api.videos.size).toBe(1);
	});
});

test('Get outputs "processing" and progress in steps of 10 as sent', async () => {
	const id = String(fake.api.addVideo({ status: 'in_progress', progress: 47 }).id);
	const { items, error } = await fake.run({ parameters: get(id) });

	expect(messageOf(error)).toBe('(no error)');
	expect(items[0].json).toMatchObject({ id, status: 'processing', progress: 40 });
});

describe('Download', () => {
	test('of a completed video gives the file', async () => await expectCompletedDownload(fake));

	// Aquiles serves the file path before the file exists; Starlette answers 500 "Internal Server Error" (see profiles.cjs).
	test('before completion (500, plain text) says the video is not ready', async () => await expectNotReadyDownload(fake, 60));
});

describe('Get Many', () => {
	test('lists every video across pages', async () => {
		const ids = addVideos(fake.api, 130).map((video) => String(video.id)).reverse();
		const { items, error } = await fake.run({ parameters: getAll() });

		expect(messageOf(error)).toBe('(no error)');
		expect(items.map((item) => item.json.id)).toEqual(ids);
	});

	test('a cursor that vanished between pages (the server lists from the top again) gives no video twice', async () => {
		const videos = addVideos(fake.api, 150).reverse();
		// The first page as the server sends it; its last video is deleted before the next page is asked for.
		const page = videos.slice(0, 100).map(({ completed_at: _c, expires_at: _e, ...video }) => video);
		fake.api.script(
			{ method: 'GET', path: '/videos' },
			{ json: { object: 'list', data: page, first_id: page[0].id, last_id: page[99].id, has_more: true } },
		);
		fake.api.videos.delete(String(page[99].id));
		const { items, error } = await fake.run({ parameters: getAll() });

		expect(messageOf(error)).toBe('(no error)');
		const ids = items.map((item) => String(item.json.id));
		expect(ids.length).toBe(new Set(ids).size);
		expect(ids.slice(0, 100)).toEqual(page.map((video) => String(video.id)));
		const known = new Set(videos.map((video) => String(video.id)));
		expect(ids.every((id) => known.has(id))).toBe(true);
	});
});

test('Delete outputs the confirmation', async () => {
	const id = String(fake.api.addVideo().id);
	const { items, error } = await fake.run({ parameters: remove(id) });

	expect(messageOf(error)).toBe('(no error)');
	expect(items[0].json).toEqual({ id, object: 'video.deleted', deleted: true });
});

test('the trigger emits a job that went through "processing" once', async () =>
	await expectFinishedJobEmittedOnce(fake, { parameters: { event: 'completedOrFailed' } }));

test('the trigger still emits a finished job once when a cursor vanishes and the list starts over', async () => {
	const [job] = addVideos(fake.api, 1, { status: 'in_progress', progress: 50 }).map((video) => String(video.id));
	addVideos(fake.api, 149);
	const runner = fake.trigger();
	expect(await runner.poll()).toBeNull();
	fake.api.setStatus(job, 'completed');
	const newest = [...fake.api.videos.values()].reverse();
	const page = newest.slice(0, 100).map(({ completed_at: _c, expires_at: _e, ...video }) => video);
	fake.api.script(
		{ method: 'GET', path: '/videos' },
		{ json: { object: 'list', data: page, first_id: page[0].id, last_id: page[99].id, has_more: true } },
	);
	fake.api.videos.delete(String(page[99].id));

	expect((await runner.poll())?.map((item) => item.json.id)).toEqual([job]);
	expect(await runner.poll()).toBeNull();
});

test('a bad key (403 {"detail":"Invalid API key"}) is the credential error', async () => {
	const { error } = await fake.run({ parameters: get('video_1'), credential: { apiKey: 'wrong' } });

	expect(messageOf(error)).toMatch(/^The server rejected the API key \(403\): Invalid API key/);
	expect(messageOf(error)).toMatch(REJECTED_KEY);
});
