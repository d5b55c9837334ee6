import { useFakeApi } from '../../harness/fixtures';
import { EXTRA_QUERY_SENT, extraQuery } from '../helpers';

const fake = useFakeApi();

describe('Video → Delete', () => {
	test('deletes by URL-encoded ID and outputs the confirmation', async () => {
		const video = fake.api.addVideo({ id: 'video_x y' });
		const { items } = await fake.run({ parameters: { resource: 'video', operation: 'delete', videoId: String(video.id) } });

		expect(fake.api.requests[0].method).toBe('DELETE');
		expect(fake.api.requests[0].rawPath).toBe('/videos/video_x%20y');
		expect(items[0].json).toEqual({ id: video.id, object: 'video.deleted', deleted: true });
		expect(fake.api.videos.has(String(video.id))).toBe(false);
	});

	test("adds deleted: true to the server's own answer, and to an empty one (204) the video's ID", async () => {
		const video = fake.api.addVideo();
		fake.api.script({ method: 'DELETE', path: `/videos/${String(video.id)}` }, { json: { id: video.id, object: 'video', status: 'deleted' } });
		const answered = await fake.run({ parameters: { resource: 'video', operation: 'delete', videoId: String(video.id) } });
		fake.api.script({ method: 'DELETE', path: `/videos/${String(video.id)}` }, { status: 204 });
		const empty = await fake.run({ parameters: { resource: 'video', operation: 'delete', videoId: { __rl: true, mode: 'list', value: String(video.id) } } });

		expect(answered.items[0].json).toEqual({ deleted: true, id: video.id, object: 'video', status: 'deleted' });
		expect(empty.items[0].json).toEqual({ deleted: true, id: video.id });
	});

	test('a video By ID, with Extra Query Parameters: one DELETE with the query and no body, one item per input item', async () => {
		const videos = [fake.api.addVideo(), fake.api.addVideo()];
		const { items, error } = await fake.run({
			parameters: { resource: 'video', operation: 'delete', videoId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, options: { extraQuery } },
			items: videos.map((video) => ({ json: { id: video.id } })),
		});

		expect(error).toBeUndefined();
		const sent = fake.api.requests.map((request) => [request.method, request.path, request.query, request.body.length]);
		expect(sent.sort()).toEqual(videos.map((video) => ['DELETE', `/videos/${video.id}`, EXTRA_QUERY_SENT, 0]));
		expect(items.map((item) => [item.json.id, item.json.deleted, item.pairedItem])).toEqual([
			[videos[0].id, true, { item: 0 }],
			[videos[1].id, true, { item: 1 }],
		]);
		expect(fake.api.videos.size).toBe(0);
	});

	test('an unknown video gives the server message, or with Continue On Fail an error item', async () => {
		const stopped = await fake.run({ parameters: { resource: 'video', operation: 'delete', videoId: 'video_gone' } });
		const continued = await fake.run({ parameters: { resource: 'video', operation: 'delete', videoId: 'video_gone' }, continueOnFail: true });

		expect(stopped.error?.message).toBe("DELETE /videos/{video_id} failed (404, not_found): Video with id 'video_gone' not found");
		expect(continued.error).toBeUndefined();
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].json.error).toBe(stopped.error?.message);
		expect(continued.items[0].json.deleted).toBeUndefined();
	});

	test('every item is checked before the first DELETE: a bad item stops the run before any video is gone, or with Continue On Fail is an error item', async () => {
		const video = fake.api.addVideo();
		const parameters = { resource: 'video', operation: 'delete', videoId: '={{ $json.id }}' };
		const items = [{ json: { id: video.id } }, { json: { id: '' } }];
		const stopped = await fake.run({ parameters, items });

		expect(stopped.error?.message).toBe('The video ID is empty');
		expect(fake.api.requests).toHaveLength(0);
		expect(fake.api.videos.has(String(video.id))).toBe(true);

		const continued = await fake.run({ parameters, items, continueOnFail: true });
		expect(continued.items.map((item) => [item.json.deleted ?? item.json.error, item.pairedItem])).toEqual([
			[true, { item: 0 }],
			['The video ID is empty', { item: 1 }],
		]);
		expect(fake.api.requests.map((request) => request.method)).toEqual(['DELETE']);
	});
});
