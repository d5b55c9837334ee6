import { useFakeApi } from '../harness/fixtures';

const fake = useFakeApi();

describe('Video → Get', () => {
	test('returns the video object untouched, one item per input item', async () => {
		const videos = [fake.api.addVideo(), fake.api.addVideo({ status: 'in_progress', progress: 40 })];
		const { items } = await fake.run({
			parameters: { resource: 'video', operation: 'get', videoId: '={{ $json.id }}' },
			items: videos.map((video) => ({ json: { id: video.id } })),
		});

		expect(items.map((item) => item.json)).toEqual(videos);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(fake.api.requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual(
			videos.map((video) => `GET /videos/${video.id}`),
		);
	});
});

describe('Video → Get Many', () => {
	const addVideos = (count: number) => Array.from({ length: count }, () => fake.api.addVideo());

	test('Return All follows the cursor across pages and outputs one item per video', async () => {
		const videos = addVideos(230);
		const { items } = await fake.run({ parameters: { resource: 'video', operation: 'getAll', returnAll: true } });

		expect(items.map((item) => item.json.id)).toEqual(videos.map((video) => video.id).reverse());
		const lists = fake.api.requests.filter((request) => request.path === '/videos');
		expect(lists.map((request) => request.query)).toEqual([
			{ limit: '100', order: 'desc' },
			{ limit: '100', order: 'desc', after: videos[130].id },
			{ limit: '100', order: 'desc', after: videos[30].id },
		]);
	});

	test('with a limit it asks for no more than it needs and stops when it has enough', async () => {
		const videos = addVideos(300);
		const { items } = await fake.run({ parameters: { resource: 'video', operation: 'getAll', returnAll: false, limit: 150, order: 'asc' } });

		expect(items.map((item) => item.json.id)).toEqual(videos.slice(0, 150).map((video) => video.id));
		expect(fake.api.requests.map((request) => request.query)).toEqual([
			{ limit: '100', order: 'asc' },
			{ limit: '50', order: 'asc', after: videos[99].id },
		]);
	});

	test('the default limit is 50 and an empty account gives no items', async () => {
		addVideos(60);
		const limited = await fake.run({ parameters: { resource: 'video', operation: 'getAll' } });
		fake.api.reset();
		const empty = await fake.run({ parameters: { resource: 'video', operation: 'getAll', returnAll: true } });

		expect(limited.items).toHaveLength(50);
		expect(empty.items).toEqual([]);
		expect(empty.error).toBeUndefined();
	});
});

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
});

describe('Character', () => {
	test('Get fetches by URL-encoded ID', async () => {
		fake.api.characters.set('char_1', { id: 'char_1', created_at: 1, name: 'Mia' });
		const { items } = await fake.run({ parameters: { resource: 'character', operation: 'get', characterId: 'char_1' } });

		expect(fake.api.requests[0].path).toBe('/videos/characters/char_1');
		expect(items[0].json).toMatchObject({ id: 'char_1', name: 'Mia' });
	});
});
