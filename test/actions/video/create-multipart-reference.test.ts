/**
 * Issue 19, point 5: Create's "Send as Multipart" with a Reference given as an Image URL or File ID.
 *
 * The node refuses the combination before any paid request, naming both options. Why refuse rather
 * than send: the API reference (/work/shared/reference/openai-videos-api, "Create video":
 * `input_reference` is "FileTypes" — an upload — or an `ImageInputReferenceParam` object with
 * `image_url` / `file_id`) gives the object form no encoding inside a multipart form, and OpenAI's
 * OpenAPI document (`CreateVideoMultipartBody`) declares no `encoding` for it either. The one server
 * "Send as Multipart" exists for, vLLM-Omni, declares `input_reference: UploadFile | None = File(...)`
 * and takes a URL only in a form field of its own (`image_reference`, a JSON text; vllm-omni
 * `vllm_omni/entrypoints/openai/api_server.py`, `_parse_video_form`). The fake API, held to that
 * reading, answers 400 "'input_reference' must be a file upload in multipart requests" — checked
 * here too, so the fake and the node agree.
 */
import { API_KEY, takeSpecViolations } from '../../harness/fake-api';
import { useFakeApi } from '../../harness/fixtures';

const fake = useFakeApi();
const create = { resource: 'video', operation: 'create', waitForCompletion: false, prompt: 'From this frame' };
const multipart = { options: { sendAsMultipart: true } };

test.each([
	['Image URL', { referenceType: 'imageUrl', imageUrl: 'https://example.com/frame.png' }],
	['File ID', { referenceType: 'fileId', fileId: 'file-123' }],
])('Send as Multipart with Reference "%s" is refused before any request, naming both options', async (name, reference) => {
	const { error, items } = await fake.run({ parameters: { ...create, ...reference, ...multipart } });

	expect(error?.message).toContain('Send as Multipart');
	expect(error?.message).toContain(`"${name}"`);
	expect(error?.description).toMatch(/Image From Binary Field/);
	expect(items).toHaveLength(0);
	expect(fake.api.requests).toHaveLength(0);
});

test('one such item among good ones: nothing is sent, nothing is paid for', async () => {
	const { error } = await fake.run({
		parameters: {
			...create,
			referenceType: '={{ $json.reference }}',
			imageUrl: 'https://example.com/frame.png',
			...multipart,
		},
		items: [{ json: { reference: 'none' } }, { json: { reference: 'imageUrl' } }, { json: { reference: 'none' } }],
	});

	expect(error?.message).toContain('Send as Multipart');
	expect(fake.api.requests).toHaveLength(0);
});

test('the fake answers such a request as the node expects the API to: 400, input_reference must be a file', async () => {
	const form = new FormData();
	form.set('prompt', 'From this frame');
	form.set('input_reference', JSON.stringify({ image_url: 'https://example.com/frame.png' }));

	const response = await fetch(`${fake.api.baseUrl}/videos`, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}` }, body: form });

	expect(response.status).toBe(400);
	expect(await response.json()).toMatchObject({
		error: { message: "'input_reference' must be a file upload in multipart requests.", param: 'input_reference' },
	});
	expect(fake.api.videos.size).toBe(0);
	expect(takeSpecViolations(fake.api)).toEqual([]);
});

test('without Send as Multipart the image URL goes as JSON input_reference, as the reference describes it', async () => {
	const { error } = await fake.run({ parameters: { ...create, referenceType: 'imageUrl', imageUrl: 'https://example.com/frame.png' } });

	expect(error).toBeUndefined();
	expect(fake.api.requests[0].json?.input_reference).toEqual({ image_url: 'https://example.com/frame.png' });
});
