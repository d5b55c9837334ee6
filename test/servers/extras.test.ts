/**
 * Per-server extras (issue 11): Extra Body Fields in JSON and multipart, Extra Query Parameters on
 * every operation, and LiteLLM all the way: Get Many, the trigger and its forwarded poll hint.
 */
import { fileItem, PNG_BYTES } from '../harness/fixtures';
import { create, getAll, useProfile, videoId } from './helpers';

describe('OpenAI shape', () => {
	const fake = useProfile('openai');
	const extraBody = JSON.stringify({ negative_prompt: 'blurry', aspect_ratio: '16:9', loop: { enabled: true } });
	const extraQuery = { parameter: [{ name: 'api-version', value: 'preview' }] };

	test('Extra Body Fields are merged into a JSON create, Extra Query Parameters go on every request', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
		const { error } = await fake.run({ parameters: create({ options: { extraBody, extraQuery } }) });

		expect(error).toBeUndefined();
		const [post] = fake.api.requests;
		expect(post.json).toMatchObject({ prompt: 'A lighthouse at dawn', negative_prompt: 'blurry', aspect_ratio: '16:9', loop: { enabled: true } });
		expect(fake.api.requests.map((request) => request.query['api-version'])).toEqual(fake.api.requests.map(() => 'preview'));
		expect(fake.api.requests.some((request) => request.path.endsWith('/content'))).toBe(true);
	});

	test('in multipart each extra key is a form field (objects as JSON)', async () => {
		const { error } = await fake.run({
			parameters: create({ waitForCompletion: false, referenceType: 'binary', options: { extraBody } }),
			items: [fileItem(PNG_BYTES, 'first.png', 'image/png')],
		});

		expect(error).toBeUndefined();
		expect(fake.api.requests[0].form?.fields).toMatchObject({ negative_prompt: 'blurry', aspect_ratio: '16:9', loop: '{"enabled":true}' });
		expect(fake.api.requests[0].form?.files.input_reference?.fileName).toBe('first.png');
	});

	test('Extra Body Fields that are not a JSON object fail before any request', async () => {
		const { error } = await fake.run({ parameters: create({ options: { extraBody: '["a"]' } }) });

		expect(error?.message).toBe('The option "Extra Body Fields" is not a JSON object');
		expect(fake.api.requests).toHaveLength(0);
	});
});

describe('LiteLLM', () => {
	const fake = useProfile('litellm');
	const provider = { extraQuery: { parameter: [{ name: 'custom_llm_provider', value: 'openai' }] } };

	test('Get Many works with custom_llm_provider as an extra query parameter', async () => {
		for (let n = 0; n < 3; n++) fake.api.addVideo();
		const { items, error } = await fake.run({ parameters: { ...getAll(), options: { maxRetries: 0, ...provider } } });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(fake.api.requests[0].query.custom_llm_provider).toBe('openai');
	});

	test('the trigger emits each finished video once', async () => {
		const trigger = fake.trigger({ options: provider });
		const running = fake.api.addVideo({ status: 'in_progress', progress: 10 });
		expect(await trigger.poll()).toBeNull();
		fake.api.setStatus(String(running.id), 'completed');

		const first = await trigger.poll();
		const second = await trigger.poll();
		expect(first?.map((item) => item.json.id)).toEqual([running.id]);
		expect(second).toBeNull();
	});

	test('the poll hint LiteLLM forwards as llm_provider-openai-poll-after-ms is followed', async () => {
		fake.api.jobPlan = { pollsUntilDone: 3, pollAfterMs: 600 };
		const { error } = await fake.run({ parameters: create({ downloadResult: false, options: { pollInterval: 30 } }) });

		expect(error).toBeUndefined();
		const checks = fake.api.requests.filter((request) => request.method === 'GET').map((request) => request.receivedAt);
		const created = fake.api.requests[0].receivedAt;
		// With a 30 s Poll Interval, only the hint explains checks about 0.6 s apart.
		expect(checks).toHaveLength(3);
		expect(checks[2] - created).toBeLessThan(3_000);
		expect(videoId(fake.api)).toMatch(/^video_/);
	});
});
