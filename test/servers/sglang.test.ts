/**
 * SGLang diffusion: a multipart create needs an input_reference file, seconds are strings in
 * answers, size may be "", DELETE answers the video with status "deleted", and the list has no
 * has_more/first_id/last_id.
 */
import { fileItem, PNG_BYTES } from '../harness/fixtures';
import {
	addVideos,
	bytesOf,
	calls,
	create,
	download,
	get,
	getAll,
	messageOf,
	NOT_READY,
	REJECTED_KEY,
	remove,
	useProfile,
	videoId,
} from './helpers';

const fake = useProfile('sglang');
const fromImage = { referenceType: 'binary', referenceBinaryPropertyName: 'data', options: { sendAsMultipart: true } };

describe('Create', () => {
	test('multipart with the input_reference image from a binary field, waited for and downloaded', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 20 };
		const { items, error } = await fake.run({
			parameters: create({ ...fromImage, seconds: '={{ 8 }}' }),
			items: [fileItem(PNG_BYTES, 'frame.png', 'image/png')],
		});

		expect(messageOf(error)).toBe('(no error)');
		const [post] = fake.api.requests;
		expect(post.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(post.form?.fields).toEqual({ prompt: 'A lighthouse at dawn', model: 'sora-2', seconds: '8' });
		expect(post.form?.files.input_reference).toEqual({ fileName: 'frame.png', mimeType: 'image/png', data: PNG_BYTES });
		const id = videoId(fake.api);
		expect(calls(fake.api)).toEqual(['POST /videos', `GET /videos/${id}`, `GET /videos/${id}`, `GET /videos/${id}/content`]);
		expect(items[0].json).toMatchObject({ id, status: 'completed', seconds: '8', size: '' });
		expect((await bytesOf(items[0].binary!.data)).toString()).toBe(`fake-mp4:${id}`);
	});

	test('Send as Multipart without a reference gets the server message (input_reference required)', async () => {
		const { error } = await fake.run({ parameters: create({ waitForCompletion: false, options: { sendAsMultipart: true } }) });

		expect(messageOf(error)).toMatch(/POST \/videos failed \(400/);
		expect(messageOf(error)).toMatch(/input_reference/);
	});

	test('as JSON (text to video) works, seconds sent as the string "4"', async () => {
		const { items, error } = await fake.run({ parameters: create({ seconds: '4', waitForCompletion: false }) });

		expect(messageOf(error)).toBe('(no error)');
		expect(fake.api.requests[0].json).toEqual({ prompt: 'A lighthouse at dawn', model: 'sora-2', seconds: '4' });
		expect(items[0].json).toMatchObject({ status: 'queued', seconds: '4', size: '' });
	});
});

test('Get keeps size "" as the server sent it', async () => {
	const id = String(fake.api.addVideo({ size: '' }).id);
	const { items, error } = await fake.run({ parameters: get(id) });

	expect(messageOf(error)).toBe('(no error)');
	expect(items[0].json).toEqual(fake.api.videos.get(id));
	expect(items[0].json.size).toBe('');
});

test('Download while not ready says so, naming the video', async () => {
	const id = String(fake.api.addVideo({ status: 'queued', progress: 0 }).id);
	const { error } = await fake.run({ parameters: download(id) });

	expect(messageOf(error)).toMatch(NOT_READY);
	expect(messageOf(error)).toContain(id);
});

describe('Get Many without has_more, first_id or last_id', () => {
	test('pages on while pages are full, with the last video as cursor, and stops on a short page', async () => {
		const ids = addVideos(fake.api, 120).map((video) => String(video.id)).reverse();
		const { items, error } = await fake.run({ parameters: getAll() });

		expect(messageOf(error)).toBe('(no error)');
		expect(items.map((item) => item.json.id)).toEqual(ids);
		expect(fake.api.requests.map((request) => request.query)).toEqual([
			{ limit: '100', order: 'desc' },
			{ limit: '100', order: 'desc', after: ids[99] },
		]);
	});

	test('one short page is one request', async () => {
		addVideos(fake.api, 3);
		const { items } = await fake.run({ parameters: getAll() });

		expect(items).toHaveLength(3);
		expect(fake.api.requests).toHaveLength(1);
	});
});

test('Delete outputs the video the server answers, status "deleted"', async () => {
	const id = String(fake.api.addVideo().id);
	const { items, error } = await fake.run({ parameters: remove(id) });

	expect(messageOf(error)).toBe('(no error)');
	expect(items[0].json).toMatchObject({ id, object: 'video', status: 'deleted' });
	expect(fake.api.videos.has(id)).toBe(false);
});

test('the trigger emits a finished job once, with one list request per idle poll', async () => {
	addVideos(fake.api, 2);
	const runner = fake.trigger();
	expect(await runner.poll()).toBeNull();
	const job = String(fake.api.addVideo({ status: 'in_progress', progress: 20 }).id);
	expect(await runner.poll()).toBeNull();
	fake.api.setStatus(job, 'completed');

	const emitted = await runner.poll();
	expect(emitted?.map((item) => item.json.id)).toEqual([job]);
	const before = fake.api.requests.length;
	expect(await runner.poll()).toBeNull();
	expect(fake.api.requests.length - before).toBe(1);
});

test('a wrong key is the credential error', async () => {
	const { error } = await fake.run({ parameters: get('video_1'), credential: { apiKey: 'wrong' } });

	expect(messageOf(error)).toMatch(REJECTED_KEY);
});
