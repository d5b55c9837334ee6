import type { INodeParameters } from 'n8n-workflow';

import { fileItem, MP4_BYTES, PNG_BYTES, useFakeApi } from '../../harness/fixtures';
import { API_KEY, takeSpecViolations } from '../../harness/fake-api';
import { bytesOf, EXTRA_QUERY_SENT, extraQuery } from '../helpers';

const fake = useFakeApi();
const create = { resource: 'video', operation: 'create', waitForCompletion: false };

describe('Video → Create', () => {
	test('sends JSON with the prompt and model, leaves empty optional fields out, outputs the job', async () => {
		const { items, error } = await fake.run({ parameters: { ...create, prompt: 'A calico cat playing a piano' } });

		expect(error).toBeUndefined();
		const [request] = fake.api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/videos');
		expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.json).toEqual({ prompt: 'A calico cat playing a piano', model: 'sora-2' });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ object: 'video', status: 'queued', prompt: 'A calico cat playing a piano' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('sends seconds and size as strings, and any model name a server accepts', async () => {
		await fake.run({
			parameters: { ...create, prompt: 'Waves', model: 'my-azure-sora-deployment', seconds: '={{ 12 }}', size: '1920x1080' },
		});

		expect(fake.api.requests[0].json).toEqual({
			prompt: 'Waves',
			model: 'my-azure-sora-deployment',
			seconds: '12',
			size: '1920x1080',
		});
		// A size other servers take, given by the user; OpenAI's document has no 1920x1080 (so the fake answered 400).
		expect(takeSpecViolations(fake.api)).toEqual(['request createVideo size invalid_value']);
	});

	test('an image URL or file ID travels as input_reference in JSON', async () => {
		await fake.run({
			parameters: { ...create, prompt: 'p', referenceType: 'imageUrl', imageUrl: 'https://example.com/a.png' },
		});
		await fake.run({ parameters: { ...create, prompt: 'p', referenceType: 'fileId', fileId: 'file-123' } });

		expect(fake.api.requests[0].json?.input_reference).toEqual({ image_url: 'https://example.com/a.png' });
		expect(fake.api.requests[1].json?.input_reference).toEqual({ file_id: 'file-123' });
	});

	test('a reference image from a binary field is sent as multipart with its file name and type', async () => {
		const { error } = await fake.run({
			parameters: { ...create, prompt: 'From this frame', seconds: '8', referenceType: 'binary', referenceBinaryPropertyName: 'frame' },
			items: [fileItem(PNG_BYTES, 'first-frame.png', 'image/png', 'frame')],
		});

		expect(error).toBeUndefined();
		const [request] = fake.api.requests;
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.form?.fields).toEqual({ prompt: 'From this frame', model: 'sora-2', seconds: '8' });
		expect(request.form?.files.input_reference).toEqual({
			fileName: 'first-frame.png',
			mimeType: 'image/png',
			data: PNG_BYTES,
		});
	});

	test('many input items start one job each, paired with their item', async () => {
		const items = [1, 2, 3, 4, 5].map((n) => ({ json: { idea: `scene ${n}` } }));
		const result = await fake.run({ parameters: { ...create, prompt: '={{ $json.idea }}' }, items });

		expect(result.items.map((item) => item.json.prompt)).toEqual(items.map((item) => item.json.idea));
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(fake.api.requests.map((request) => request.json?.prompt).sort()).toEqual(items.map((item) => item.json.idea));
	});

	describe('bad input fails before any request, with a message that says what to do', () => {
		test.each([
			['an empty prompt', { prompt: '   ' }, [{ json: {} }], 'The prompt is empty'],
			['a missing binary property', { prompt: 'p', referenceType: 'binary', referenceBinaryPropertyName: 'image' }, [{ json: {} }], /image/],
			['a reference that is not an image', { prompt: 'p', referenceType: 'binary' }, [fileItem(MP4_BYTES, 'clip.mp4', 'video/mp4')], 'The file in "data" is not a PNG, JPEG or WebP image'],
			['an empty reference file', { prompt: 'p', referenceType: 'binary' }, [fileItem(Buffer.alloc(0), 'a.png', 'image/png')], 'The file in "data" is empty'],
			['an empty image URL', { prompt: 'p', referenceType: 'imageUrl', imageUrl: '' }, [{ json: {} }], 'The image URL is empty'],
		])('%s', async (_case, parameters, items, message) => {
			const { error, items: output } = await fake.run({ parameters: { ...create, ...parameters }, items });

			expect(error?.message).toMatch(message);
			expect(error?.description).toBeTruthy();
			expect(output).toEqual([]);
			expect(fake.api.requests).toHaveLength(0);
		});
	});

	test('with Continue On Fail a bad item becomes an error item and the others go on', async () => {
		const { items, error } = await fake.run({
			parameters: { ...create, prompt: '={{ $json.idea }}' },
			items: [{ json: { idea: 'ok one' } }, { json: { idea: ' ' } }, { json: { idea: 'ok two' } }],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.prompt ?? item.json.error)).toEqual(['ok one', 'The prompt is empty', 'ok two']);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(fake.api.requests).toHaveLength(2);
	});
});

describe('Video → Create for servers that refuse JSON', () => {
	test('"Send as Multipart" sends the fields as multipart/form-data', async () => {
		const { error } = await fake.run({
			parameters: { ...create, prompt: 'Rain', seconds: '8', options: { sendAsMultipart: true } },
		});

		expect(error).toBeUndefined();
		expect(fake.api.requests[0].headers['content-type']).toMatch(/^multipart\/form-data/);
		expect(fake.api.requests[0].form?.fields).toEqual({ prompt: 'Rain', model: 'sora-2', seconds: '8' });
	});
});

describe('Video → Create takes the model', () => {
	const create = { resource: 'video', operation: 'create', prompt: 'Waves', waitForCompletion: false };

	test.each([
		['a plain string (saved before the Resource Locator)', 'sora-2-pro'],
		['From List', { __rl: true, mode: 'list', value: 'sora-2-pro', cachedResultName: 'sora-2-pro' }],
		['By ID', { __rl: true, mode: 'id', value: 'my-azure-deployment' }],
		['By ID with an expression', { __rl: true, mode: 'id', value: '={{ "veo-" + 3 }}' }],
	])('as %s', async (_shape, model) => {
		const { error } = await fake.run({ parameters: { ...create, model: model as INodeParameters } });

		expect(error).toBeUndefined();
		const expected = typeof model === 'string' ? model : model.value.startsWith('=') ? 'veo-3' : model.value;
		expect(fake.api.requests[0].json).toEqual({ prompt: 'Waves', model: expected });
	});

	test('left unset it sends sora-2, and emptied it sends no model (the server picks)', async () => {
		await fake.run({ parameters: create });
		await fake.run({ parameters: { ...create, model: { __rl: true, mode: 'id', value: '' } } });

		expect(fake.api.requests.map((request) => request.json)).toEqual([{ prompt: 'Waves', model: 'sora-2' }, { prompt: 'Waves' }]);
	});
});

describe('Video → Create, waiting for the job', () => {
	test('Extra Query Parameters go on the create, every status check and the download; the item is the finished video with its file', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 50 };
		const { items, error } = await fake.run({
			parameters: { ...create, waitForCompletion: true, prompt: 'A red kite', variant: 'spritesheet', binaryPropertyName: 'sheet', options: { extraQuery } },
		});

		expect(error).toBeUndefined();
		const [job] = [...fake.api.videos.values()];
		expect(fake.api.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['POST', '/videos', EXTRA_QUERY_SENT],
			['GET', `/videos/${job.id}`, EXTRA_QUERY_SENT],
			['GET', `/videos/${job.id}`, EXTRA_QUERY_SENT],
			['GET', `/videos/${job.id}/content`, { ...EXTRA_QUERY_SENT, variant: 'spritesheet' }],
		]);
		expect(fake.api.requests[0].json).toEqual({ prompt: 'A red kite', model: 'sora-2' });
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(job);
		expect(items[0].json.status).toBe('completed');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(Object.keys(items[0].binary ?? {})).toEqual(['sheet']);
		expect(items[0].binary!.sheet).toMatchObject({ mimeType: 'image/jpeg', fileName: `${job.id}.jpg`, fileExtension: 'jpg' });
		expect((await bytesOf(items[0].binary!.sheet)).toString()).toBe(`fake-jpg:${job.id}`);
	});

	test('Download Result off outputs the finished video without a file', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
		const { items, error } = await fake.run({ parameters: { ...create, waitForCompletion: true, prompt: 'A red kite', downloadResult: false } });

		expect(error).toBeUndefined();
		const [job] = [...fake.api.videos.values()];
		expect(fake.api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /videos', `GET /videos/${job.id}`]);
		expect(items).toEqual([{ json: job, pairedItem: { item: 0 } }]);
	});
});
