import { useFakeApi } from '../../harness/fixtures';
import { bytesOf, EXTRA_QUERY_SENT, extraQuery } from '../helpers';

const fake = useFakeApi();

describe('Video → Remix', () => {
	test('posts the new prompt to the URL-encoded video path', async () => {
		const source = fake.api.addVideo({ id: 'video_a/b=c+d', status: 'completed' });
		const { items, error } = await fake.run({
			parameters: { resource: 'video', operation: 'remix', waitForCompletion: false, videoId: ` ${String(source.id)} `, prompt: 'Now at night' },
		});

		expect(error).toBeUndefined();
		const [request] = fake.api.requests;
		expect(request.method).toBe('POST');
		expect(request.rawPath).toBe('/videos/video_a%2Fb%3Dc%2Bd/remix');
		expect(request.json).toEqual({ prompt: 'Now at night' });
		expect(items[0].json).toMatchObject({ status: 'queued', remixed_from_video_id: source.id });
	});

	test('an unknown video ID gives the server message as an error', async () => {
		const { error } = await fake.run({
			parameters: { resource: 'video', operation: 'remix', waitForCompletion: false, videoId: 'video_missing', prompt: 'x' },
		});

		expect(error?.message).toMatch(/POST \/videos\/\{video_id\}\/remix failed \(404.*\): Video with id 'video_missing' not found/);
	});

	test('a video picked From List, with Extra Query Parameters: one POST as JSON, the new job as the item', async () => {
		const source = fake.api.addVideo();
		const { items, error } = await fake.run({
			parameters: {
				resource: 'video',
				operation: 'remix',
				waitForCompletion: false,
				videoId: { __rl: true, mode: 'list', value: String(source.id), cachedResultName: 'A fake video (completed)' },
				prompt: 'Now in winter',
				options: { extraQuery },
			},
		});

		expect(error).toBeUndefined();
		expect(fake.api.requests).toHaveLength(1);
		const [request] = fake.api.requests;
		expect([request.method, request.path, request.query]).toEqual(['POST', `/videos/${source.id}/remix`, EXTRA_QUERY_SENT]);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.json).toEqual({ prompt: 'Now in winter' });
		const [job] = [...fake.api.videos.values()].filter((video) => video.id !== source.id);
		expect(items).toEqual([{ json: job, pairedItem: { item: 0 } }]);
	});

	test('waiting, it outputs the finished remix with its MP4 in the chosen binary field', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
		const source = fake.api.addVideo();
		const { items, error } = await fake.run({
			parameters: { resource: 'video', operation: 'remix', videoId: String(source.id), prompt: 'Now at dusk', binaryPropertyName: 'remix' },
		});

		expect(error).toBeUndefined();
		const job = [...fake.api.videos.values()].find((video) => video.remixed_from_video_id === source.id)!;
		expect(fake.api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST /videos/${source.id}/remix`,
			`GET /videos/${job.id}`,
			`GET /videos/${job.id}/content`,
		]);
		expect(items[0].json).toEqual(job);
		expect(items[0].json.status).toBe('completed');
		expect(items[0].binary!.remix).toMatchObject({ mimeType: 'video/mp4', fileName: `${job.id}.mp4` });
		expect((await bytesOf(items[0].binary!.remix)).toString()).toBe(`fake-mp4:${job.id}`);
	});
});
