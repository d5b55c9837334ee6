import { fileItem, MP4_BYTES, PNG_BYTES, useFakeApi } from '../harness/fixtures';

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
});

describe.each(['edit', 'extend'])('Video → %s', (operation) => {
	const path = operation === 'edit' ? '/videos/edits' : '/videos/extensions';
	const seconds = operation === 'extend' ? { seconds: '8' } : {};

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
});
