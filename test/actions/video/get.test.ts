import { useFakeApi } from '../../harness/fixtures';
import { EXTRA_QUERY_SENT, extraQuery } from '../helpers';

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

	test('a video picked From List, with Extra Query Parameters: GET by URL-encoded ID with the query, no body', async () => {
		const video = fake.api.addVideo({ id: 'video_a/b' });
		const { items, error } = await fake.run({
			parameters: { resource: 'video', operation: 'get', videoId: { __rl: true, mode: 'list', value: 'video_a/b' }, options: { extraQuery } },
		});

		expect(error).toBeUndefined();
		expect(fake.api.requests).toHaveLength(1);
		const [request] = fake.api.requests;
		expect([request.method, request.rawPath, request.query]).toEqual(['GET', '/videos/video_a%2Fb', EXTRA_QUERY_SENT]);
		expect(request.body).toHaveLength(0);
		expect(items).toEqual([{ json: video, pairedItem: { item: 0 } }]);
	});

	test('an answer that is not a video object is an error, not an item', async () => {
		fake.api.script({ method: 'GET', path: '/videos/video_1' }, { json: { data: [] } });
		const { error, items } = await fake.run({ parameters: { resource: 'video', operation: 'get', videoId: 'video_1' } });

		expect(items).toEqual([]);
		expect(error?.message).toBe('This server does not speak the OpenAI Videos API: its answer to GET /videos/{video_id} is not a video job');
	});

	test('an unknown video gives the server message', async () => {
		const { error } = await fake.run({ parameters: { resource: 'video', operation: 'get', videoId: { __rl: true, mode: 'id', value: 'video_gone' } } });

		expect(error?.message).toBe("GET /videos/{video_id} failed (404, not_found): Video with id 'video_gone' not found");
	});
});
