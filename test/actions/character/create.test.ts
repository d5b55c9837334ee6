import { fileItem, MP4_BYTES, PNG_BYTES, useFakeApi } from '../../harness/fixtures';
import { EXTRA_QUERY_SENT, extraQuery } from '../helpers';

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

	test('with Extra Query Parameters and Extra Body Fields: the query on the POST, the extra keys as form fields; one character per item', async () => {
		const { items, error } = await fake.run({
			parameters: {
				resource: 'character',
				operation: 'create',
				name: '={{ $json.who }}',
				binaryPropertyName: 'data',
				options: { extraQuery, extraBody: '{"description": "A painter"}' },
			},
			items: [{ ...fileItem(MP4_BYTES, 'mia.mp4', 'video/mp4'), json: { who: 'Mia' } }, { ...fileItem(MP4_BYTES, 'leo.mp4', 'video/mp4'), json: { who: 'Leo' } }],
		});

		expect(error).toBeUndefined();
		const sent = fake.api.requests.map((request) => [request.method, request.path, request.query, request.form?.fields, request.form?.files.video?.fileName]);
		expect(sent.sort()).toEqual([
			['POST', '/videos/characters', EXTRA_QUERY_SENT, { name: 'Leo', description: 'A painter' }, 'leo.mp4'],
			['POST', '/videos/characters', EXTRA_QUERY_SENT, { name: 'Mia', description: 'A painter' }, 'mia.mp4'],
		]);
		expect(items.map((item) => item.json)).toEqual(['Mia', 'Leo'].map((name) => [...fake.api.characters.values()].find((character) => character.name === name)));
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items.every((item) => item.binary === undefined)).toBe(true);
	});
});
