import { fileItem, MP4_BYTES, PNG_BYTES, useFakeApi } from '../harness/fixtures';

const fake = useFakeApi();

describe('Character → Create', () => {
	test('uploads the name and video file as multipart and outputs the character', async () => {
		const { items, error } = await fake.run({
			parameters: { resource: 'character', operation: 'create', name: 'Mia', binaryPropertyName: 'clip' },
			items: [fileItem(MP4_BYTES, 'mia.mp4', 'video/mp4', 'clip')],
		});

		expect(error).toBeUndefined();
		const [request] = fake.api.requests;
		expect([request.method, request.path]).toEqual(['POST', '/videos/characters']);
		expect(request.form?.fields).toEqual({ name: 'Mia' });
		expect(request.form?.files.video).toEqual({ fileName: 'mia.mp4', mimeType: 'video/mp4', data: MP4_BYTES });
		expect(items[0].json).toMatchObject({ name: 'Mia', id: expect.stringMatching(/^char_/) });
	});

	test('a file that is not a video, or a missing one, fails before any request', async () => {
		const image = await fake.run({
			parameters: { resource: 'character', operation: 'create', name: 'Mia', binaryPropertyName: 'data' },
			items: [fileItem(PNG_BYTES, 'mia.png', 'image/png')],
		});
		const missing = await fake.run({
			parameters: { resource: 'character', operation: 'create', name: 'Mia', binaryPropertyName: 'data' },
		});

		expect(image.error?.message).toBe('The file in "data" is not an MP4 video');
		expect(missing.error?.message).toMatch(/binary file 'data'/);
		expect(fake.api.requests).toHaveLength(0);
	});
});
