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


	test('Extra Query Parameters on the POST, Extra Body Fields as form fields; one character per item', async () => {
		const { items, error } = await fake.run({
			parameters: { resource: 'character', operation: 'create', name: '={{ $json.who }}', options: { extraQuery, extraBody: '{"about": "A painter"}' } },
			items: ['Mia', 'Leo'].map((who) => ({ ...fileItem(MP4_BYTES, `${who}.mp4`, 'video/mp4'), json: { who } })),
		});

		expect(error).toBeUndefined();
		const sent = fake.api.requests.map(({ method, path, query, form }) => [method, path, query, form?.fields, form?.files.video?.fileName]);
		expect(sent.sort()).toEqual(['Leo', 'Mia'].map((who) => ['POST', '/videos/characters', EXTRA_QUERY_SENT, { name: who, about: 'A painter' }, `${who}.mp4`]));
		const characters = [...fake.api.characters.values()];
		expect(items.map((item) => item.json)).toEqual(['Mia', 'Leo'].map((who) => characters.find(({ name }) => name === who)));
		expect(items.map((item) => [item.pairedItem, item.binary])).toEqual([[{ item: 0 }, undefined], [{ item: 1 }, undefined]]);
	});
});
