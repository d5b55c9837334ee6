/** The tests of Edit and Extend, which share their source video (actions/video/source.ts). */
import type { INodeParameters } from 'n8n-workflow';

import { fileItem, MP4_BYTES, PNG_BYTES, type useFakeApi } from '../../harness/fixtures';
import { bytesOf, EXTRA_QUERY_SENT, extraQuery } from '../helpers';

export function describeSourceVideo(fake: ReturnType<typeof useFakeApi>, operation: string, path: string, seconds: INodeParameters = {}): void {
	test('a completed video by ID is sent as JSON', async () => {
		const source = fake.api.addVideo({ status: 'completed', seconds: '4' });
		const { items, error } = await fake.run({
			parameters: { resource: 'video', operation, waitForCompletion: false, prompt: 'Add snow', videoSource: 'id', videoId: String(source.id), ...seconds },
		});

		expect(error).toBeUndefined();
		const [request] = fake.api.requests;
		expect([request.method, request.path]).toEqual(['POST', path]);
		expect(request.json).toEqual({ prompt: 'Add snow', video: { id: source.id }, ...seconds });
		expect(items[0].json.status).toBe('queued');
	});

	test('a video file is sent as multipart with its name and type', async () => {
		const { error } = await fake.run({
			parameters: { resource: 'video', operation, waitForCompletion: false, prompt: 'Add snow', videoSource: 'binary', sourceBinaryPropertyName: 'clip', ...seconds },
			items: [fileItem(MP4_BYTES, 'holiday.mp4', 'video/mp4', 'clip')],
		});

		expect(error).toBeUndefined();
		const [request] = fake.api.requests;
		expect(request.path).toBe(path);
		expect(request.form?.fields).toEqual({ prompt: 'Add snow', ...seconds });
		expect(request.form?.files.video).toEqual({ fileName: 'holiday.mp4', mimeType: 'video/mp4', data: MP4_BYTES });
	});

	test('a source that is not a video, or an empty video ID, fails before any request', async () => {
		const notVideo = await fake.run({
			parameters: { resource: 'video', operation, waitForCompletion: false, prompt: 'p', videoSource: 'binary', sourceBinaryPropertyName: 'data', ...seconds },
			items: [fileItem(PNG_BYTES, 'frame.png', 'image/png')],
		});
		const emptyId = await fake.run({
			parameters: { resource: 'video', operation, waitForCompletion: false, prompt: 'p', videoSource: 'id', videoId: '={{ "" }}', ...seconds },
		});

		expect(notVideo.error?.message).toBe('The file in "data" is not an MP4 video');
		expect(emptyId.error?.message).toBe('The video ID is empty');
		expect(fake.api.requests).toHaveLength(0);
	});

	test('From List, with Extra Query Parameters', async () => {
		const source = fake.api.addVideo();
		const videoId = { __rl: true, mode: 'list', value: String(source.id) };
		const { items, error } = await fake.run({
			parameters: { resource: 'video', operation, waitForCompletion: false, prompt: 'Add rain', videoId, ...seconds, options: { extraQuery } },
		});

		expect(error).toBeUndefined();
		expect(fake.api.requests.map((request) => [request.method, request.path, request.query, request.json])).toEqual([
			['POST', path, EXTRA_QUERY_SENT, { prompt: 'Add rain', video: { id: source.id }, ...seconds }],
		]);
		expect(items).toEqual([{ json: fake.api.videos.get('video_2'), pairedItem: { item: 0 } }]);
	});

	test('waiting, it outputs the finished video and a file', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
		const source = fake.api.addVideo();
		const { items } = await fake.run({
			parameters: { resource: 'video', operation, prompt: 'Fog', videoId: String(source.id), variant: 'thumbnail', binaryPropertyName: 'poster', ...seconds },
		});

		const job = fake.api.videos.get('video_2')!;
		expect(fake.api.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['POST', path, {}],
			['GET', '/videos/video_2', {}],
			['GET', '/videos/video_2/content', { variant: 'thumbnail' }],
		]);
		expect([items[0].json, job.status]).toEqual([job, 'completed']);
		expect(items[0].binary!.poster).toMatchObject({ mimeType: 'image/webp', fileName: 'video_2.webp' });
		expect((await bytesOf(items[0].binary!.poster)).toString()).toBe('fake-webp:video_2');
	});
}
