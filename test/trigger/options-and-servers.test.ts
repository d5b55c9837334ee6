/**
 * The trigger's Max Retries and Request Timeout options (the node's own fields, checked the same
 * way), and servers whose list the trigger cannot use as configured: LiteLLM without
 * custom_llm_provider, or with a provider that has no video list. All through n8n's PollContext.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { OpenAiVideos } from '../../nodes/OpenAiVideos/OpenAiVideos.node';
import { OpenAiVideosTrigger } from '../../nodes/OpenAiVideosTrigger/OpenAiVideosTrigger.node';
import { queryParameters } from '../credential/helpers';
import type { FakeApi } from '../harness/fake-api';
import { useProfile } from '../servers/helpers';
import { triggerRunner, useTriggerApi } from './helpers';

const ctx = useTriggerApi();

const listRequests = (api: FakeApi) => api.requests.filter((request) => request.method === 'GET' && request.path === '/videos');

async function pollError(poll: Promise<unknown>): Promise<NodeApiError | Error> {
	return await poll.then(
		() => {
			throw new Error('the poll succeeded');
		},
		(error: Error) => error,
	);
}

function optionsOf(properties: INodeProperties[]): INodeProperties[] {
	return properties.filter((property) => property.name === 'options').flatMap((property) => property.options as INodeProperties[]);
}

test("the trigger's Max Retries and Request Timeout are the node's option fields", () => {
	const trigger = optionsOf(new OpenAiVideosTrigger().description.properties);
	const node = optionsOf(new OpenAiVideos().description.properties);
	for (const name of ['maxRetries', 'requestTimeout']) {
		const own = trigger.find((option) => option.name === name);
		expect(own).toBeDefined();
		expect(node.filter((option) => option.name === name).every((option) => option === own)).toBe(true);
	}
});

describe('Max Retries', () => {
	const failTimes = (api: FakeApi, times: number) => {
		for (let n = 0; n < times; n++) api.script({ method: 'GET', path: '/videos' }, { status: 500, json: { error: { message: 'upstream hiccup' } } });
	};

	test('0: a failing list is not asked again', async () => {
		const { api } = ctx;
		failTimes(api, 3);
		const error = await pollError(triggerRunner(api, { options: { maxRetries: 0 } }).poll());
		expect(error.message).toMatch(/GET \/videos failed \(500\): upstream hiccup/);
		expect(listRequests(api)).toHaveLength(1);
	});

	test('2: two more tries, then the error; the default 3 outlasts three failures', async () => {
		const { api } = ctx;
		failTimes(api, 3);
		await pollError(triggerRunner(api, { options: { maxRetries: 2 } }).poll());
		expect(listRequests(api)).toHaveLength(3);

		api.reset();
		api.addVideo();
		failTimes(api, 3);
		const runner = triggerRunner(api);
		await expect(runner.poll()).resolves.toBeNull();
		expect(listRequests(api)).toHaveLength(4);
		expect(runner.saved).not.toEqual({});
	});

	test.each([11, -1, 1.5, 'many'])('%p fails before any request, naming the option', async (maxRetries) => {
		const { api } = ctx;
		const runner = triggerRunner(api, { options: { maxRetries } });
		const error = await pollError(runner.poll());
		expect(error.message).toMatch(/Max Retries/);
		expect(api.requests).toHaveLength(0);
		expect(runner.saved).toEqual({});
	});
});

describe('Request Timeout', () => {
	test('a list that does not answer within it fails with the timeout, not later', async () => {
		const { api } = ctx;
		api.script({ method: 'GET', path: '/videos' }, { delayMs: 20_000, json: { object: 'list', data: [], has_more: false } });
		const error = await pollError(triggerRunner(api, { options: { requestTimeout: 1, maxRetries: 0 } }).poll());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(`${error.message} ${(error as NodeApiError).description ?? ''}`).toMatch(/Request Timeout/);
		expect(listRequests(api)).toHaveLength(1);
	});

	test.each([0, 3601, 'soon'])('%p fails before any request, naming the option', async (requestTimeout) => {
		const { api } = ctx;
		const error = await pollError(triggerRunner(api, { options: { requestTimeout } }).poll());
		expect(error.message).toMatch(/Request Timeout/);
		expect(api.requests).toHaveLength(0);
	});
});

describe('LiteLLM', () => {
	const litellm = useProfile('litellm');
	const UNUSABLE = /^The server does not list videos as configured \(GET \/videos\), so the OpenAI Videos Trigger cannot be used with it as configured \(HTTP 400: /;

	test.each(['trigger', 'manual'] as const)('without custom_llm_provider (%s poll): cannot be used as configured, and how to fix it', async (mode) => {
		litellm.api.addVideo();
		const runner = litellm.trigger();
		const error = await pollError(runner.poll(mode));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(UNUSABLE);
		expect(error.message).toMatch(/custom_llm_provider/);
		expect((error as NodeApiError).description).toMatch(/custom_llm_provider \(e\.g\. openai or azure\) to the credential's Query Parameters/);
		expect(listRequests(litellm.api)).toHaveLength(1);
		expect(runner.saved).toEqual({});
	});

	test("LiteLLM's own words for a provider without a list (its proxy's error shape): the same error", async () => {
		litellm.api.script(
			{ method: 'GET', path: '/videos' },
			{ status: 400, json: { error: { message: 'video list is not supported for vertex_ai', type: 'None', param: 'None', code: '400' } } },
		);
		const error = await pollError(litellm.trigger({}, queryParameters({ custom_llm_provider: 'vertex_ai' })).poll());
		expect(error.message).toMatch(UNUSABLE);
		expect(error.message).toMatch(/video list is not supported for vertex_ai/);
	});

	test('with a provider that has no video list: the same error', async () => {
		const runner = litellm.trigger({ options: { extraQuery: { parameter: [{ name: 'custom_llm_provider', value: 'gemini' }] } } });
		const error = await pollError(runner.poll());
		expect(error.message).toMatch(UNUSABLE);
		expect(error.message).toMatch(/gemini/);
	});

	test("with the credential's Query Parameter custom_llm_provider=openai it lists and emits", async () => {
		const runner = litellm.trigger({}, queryParameters({ custom_llm_provider: 'openai' }));
		expect(await runner.poll()).toBeNull();
		const running = String(litellm.api.addVideo({ status: 'queued', progress: 0 }).id);
		await runner.poll();
		litellm.api.setStatus(running, 'completed');
		const items = await runner.poll();

		expect(items?.map((item) => item.json.id)).toEqual([running]);
		expect(listRequests(litellm.api).every((request) => request.query.custom_llm_provider === 'openai')).toBe(true);
	});
});
