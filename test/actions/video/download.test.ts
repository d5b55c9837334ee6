import { Readable } from 'node:stream';

import { useFakeApi } from '../../harness/fixtures';
import { bytesOf, EXTRA_QUERY_SENT, extraQuery } from '../helpers';

const fake = useFakeApi();
const download = { resource: 'video', operation: 'download' };

describe('Video → Download', () => {
	test('outputs the MP4 as binary data with the bytes, MIME type and file name the server sent', async () => {
		const video = fake.api.addVideo();
		const mp4 = Buffer.from('an mp4 of several bytes');
		fake.api.setContent(String(video.id), 'video', { body: mp4, contentType: 'video/mp4' });
		const { items, error } = await fake.run({ parameters: { ...download, videoId: String(video.id), binaryPropertyName: 'movie' } });

		expect(error).toBeUndefined();
		const [request] = fake.api.requests;
		expect([request.method, request.path, request.query]).toEqual(['GET', `/videos/${video.id}/content`, { variant: 'video' }]);
		expect(items[0].json).toMatchObject({ videoId: video.id, variant: 'video', mimeType: 'video/mp4' });
		const binary = items[0].binary!.movie;
		expect(binary).toMatchObject({ mimeType: 'video/mp4', fileName: `${video.id}.mp4`, fileExtension: 'mp4' });
		expect(await bytesOf(binary)).toEqual(mp4);
	});

	test('a video picked From List, with Extra Query Parameters: the JSON names the file, the binary holds it', async () => {
		const video = fake.api.addVideo({ id: 'video_a/b' });
		const mp4 = Buffer.from('twenty-one mp4 bytes!');
		fake.api.setContent('video_a/b', 'video', { body: mp4, contentType: 'video/mp4' });
		const { items, error } = await fake.run({
			parameters: { ...download, videoId: { __rl: true, mode: 'list', value: 'video_a/b', cachedResultName: 'A fake video (completed)' }, options: { extraQuery } },
		});

		expect(error).toBeUndefined();
		expect(fake.api.requests).toHaveLength(1);
		const [request] = fake.api.requests;
		expect([request.method, request.rawPath, request.query]).toEqual(['GET', '/videos/video_a%2Fb/content', { ...EXTRA_QUERY_SENT, variant: 'video' }]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ videoId: video.id, variant: 'video', fileName: 'video_a_b.mp4', mimeType: 'video/mp4', bytes: mp4.length });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(Object.keys(items[0].binary ?? {})).toEqual(['data']);
		expect(items[0].binary!.data).toMatchObject({ mimeType: 'video/mp4', fileName: 'video_a_b.mp4', fileExtension: 'mp4' });
		expect(await bytesOf(items[0].binary!.data)).toEqual(mp4);
	});

	test('each input item downloads its own video into its own item', async () => {
		const videos = [fake.api.addVideo(), fake.api.addVideo()];
		const { items } = await fake.run({
			parameters: { ...download, videoId: '={{ $json.id }}' },
			items: videos.map((video) => ({ json: { id: video.id } })),
		});

		expect(items.map((item) => [item.json.videoId, item.pairedItem])).toEqual(videos.map((video, item) => [video.id, { item }]));
		expect(await Promise.all(items.map(async (item) => (await bytesOf(item.binary!.data)).toString()))).toEqual(videos.map((video) => `fake-mp4:${video.id}`));
	});

	test.each([
		['thumbnail', 'image/webp', 'webp'],
		['spritesheet', 'image/jpeg', 'jpg'],
	])('the %s variant as %s, also when the server only says application/octet-stream', async (variant, mimeType, extension) => {
		const video = fake.api.addVideo();
		fake.api.setContent(String(video.id), variant, { body: Buffer.from('img'), contentType: 'application/octet-stream' });
		const { items } = await fake.run({ parameters: { ...download, videoId: String(video.id), variant } });

		expect(fake.api.requests[0].query).toEqual({ variant });
		expect(items[0].binary!.data).toMatchObject({ mimeType, fileName: `${video.id}.${extension}` });
		expect(items[0].json).toMatchObject({ videoId: video.id, variant });
	});

	test('streams a large body into the filesystem store unchanged', async () => {
		const video = fake.api.addVideo();
		const size = 8 * 1024 * 1024 + 13;
		fake.api.setContent(String(video.id), 'video', { size, contentType: 'video/mp4' });
		const { items } = await fake.run({ parameters: { ...download, videoId: String(video.id) } });

		const bytes = await bytesOf(items[0].binary!.data);
		expect(bytes.length).toBe(size);
		expect(bytes[size - 1]).toBe((size - 1) % 251);
	});

	test('a body cut off before its Content-Length is an error, never a truncated file', async () => {
		const video = fake.api.addVideo();
		fake.api.script({ method: 'GET', path: `/videos/${video.id}/content` }, { truncate: true, body: Buffer.alloc(1000, 1) });
		const { items, error } = await fake.run({ parameters: { ...download, videoId: String(video.id), options: { maxRetries: 0 } } });

		expect(items).toEqual([]);
		expect(error?.message).toMatch(new RegExp(`download of video ${video.id} (broke off|is incomplete)`));
	});

	test('an error answer while the video renders says it is not ready, with the server message', async () => {
		const video = fake.api.addVideo({ status: 'in_progress' });
		const { error } = await fake.run({ parameters: { ...download, videoId: String(video.id) } });

		expect(error?.message).toMatch(new RegExp(`^Video ${video.id} is not ready for download, or has no file \\(HTTP 404\\): Video '${video.id}' is not ready yet`));
	});

	test('a "video/mp4" answer whose body is JSON is an error, not a file', async () => {
		const video = fake.api.addVideo();
		fake.api.setContent(String(video.id), 'video', {
			body: JSON.stringify({ error: { message: 'Video is still processing', code: '500' } }),
			contentType: 'video/mp4',
		});
		const { error, items } = await fake.run({ parameters: { ...download, videoId: String(video.id) } });

		expect(items).toEqual([]);
		expect(error?.message).toMatch(/answered JSON instead of a file .*probably not ready/);
		expect(error?.description).toMatch(/Video is still processing/);
	});

	test('a 200 answer with a JSON body is an error with the server message', async () => {
		const video = fake.api.addVideo();
		fake.api.script(
			{ method: 'GET', path: `/videos/${video.id}/content` },
			{ status: 200, json: { error: { message: 'Video is still processing', code: '500' } } },
		);
		const { error } = await fake.run({ parameters: { ...download, videoId: String(video.id) } });

		expect(error?.message).toBe(
			`GET /videos/{video_id}/content answered application/json instead of a file for video ${video.id}; the video is probably not ready`,
		);
		expect(error?.description).toMatch(/Video is still processing/);
	});

	test('a stream body works from a Readable too', async () => {
		const video = fake.api.addVideo();
		fake.api.setContent(String(video.id), 'video', { body: () => Readable.from([Buffer.from('ab'), Buffer.from('cd')]), contentType: 'video/mp4' });
		const { items } = await fake.run({ parameters: { ...download, videoId: String(video.id) } });

		expect((await bytesOf(items[0].binary!.data)).toString()).toBe('abcd');
	});
});
