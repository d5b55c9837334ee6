import { useFakeApi } from '../../harness/fixtures';
import { EXTRA_QUERY_SENT, extraQuery } from '../helpers';

const fake = useFakeApi();

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

	test('each video object is an item of its own, as the server sent it, paired with the input item', async () => {
		const videos = addVideos(3);
		const { items, error } = await fake.run({ parameters: { resource: 'video', operation: 'getAll', limit: 2 } });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([videos[2], videos[1]]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(items.every((item) => item.binary === undefined)).toBe(true);
	});

	test('Extra Query Parameters go on every page, beside the cursor', async () => {
		const videos = addVideos(130);
		const { items, error } = await fake.run({ parameters: { resource: 'video', operation: 'getAll', returnAll: true, options: { extraQuery } } });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(fake.api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /videos', 'GET /videos']);
		expect(fake.api.requests.map((request) => request.query)).toEqual([
			{ limit: '100', order: 'desc', ...EXTRA_QUERY_SENT },
			{ limit: '100', order: 'desc', after: videos[30].id, ...EXTRA_QUERY_SENT },
		]);
	});

	test('each input item lists on its own, with its own limit', async () => {
		const videos = addVideos(5);
		const { items } = await fake.run({
			parameters: { resource: 'video', operation: 'getAll', limit: '={{ $json.take }}' },
			items: [{ json: { take: 1 } }, { json: { take: 2 } }],
		});

		expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[videos[4].id, { item: 0 }],
			[videos[4].id, { item: 1 }],
			[videos[3].id, { item: 1 }],
		]);
		expect(fake.api.requests.map((request) => request.query.limit).sort()).toEqual(['1', '2']);
	});

	test('a limit that is not a whole number from 1 up fails before any request', async () => {
		const { error, items } = await fake.run({ parameters: { resource: 'video', operation: 'getAll', limit: '={{ 0 }}' } });

		expect(error?.message).toMatch(/"Limit" must be a whole number from 1 to/);
		expect(items).toEqual([]);
		expect(fake.api.requests).toHaveLength(0);
	});
});
