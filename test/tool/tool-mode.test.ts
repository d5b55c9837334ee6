/**
 * The node as an AI Agent's tool (`…openAiVideosTool`, as n8n builds it for every `usableAsTool`
 * node): the agent gets the video object as JSON, so the file is not downloaded unless the tool is
 * set to; a job still running after a tool-sized wait comes back as it is; and the agent reads
 * what each operation does and how long it takes.
 */
import { ExecuteContext, SupplyDataContext } from 'n8n-core';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeType } from 'n8n-workflow';

import { jobSettingsOf, TOOL_WAIT_TIMEOUT_S } from '../../nodes/OpenAiVideos/helpers/settings';
import { OpenAiVideos } from '../../nodes/OpenAiVideos/OpenAiVideos.node';
import { credentialsFor } from '../harness/fake-api';
import { prepareEnvironment } from '../harness/environment';
import { FixtureCredentialsHelper } from '../harness/credentials-helper';
import { useFakeApi } from '../harness/fixtures';
import { nodeTypesOf } from '../harness/node-types';
import { additionalDataFor, NODE_TYPE } from '../harness/run-node';
import { openAiVideosTool, TOOL_TYPE } from '../harness/tool-variant';
import { OpenAiVideosApi } from '../../credentials/OpenAiVideosApi.credentials';

const fake = useFakeApi();

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'create',
	prompt: 'A lighthouse in a storm',
	...extra,
	options: { pollInterval: 1, ...(extra.options as INodeParameters | undefined) },
});

const runTool = async (parameters: INodeParameters) => await fake.run({ parameters, nodeType: openAiVideosTool(), typeName: TOOL_TYPE });

/** A node of the given type in a Workflow, its parameters completed with defaults as n8n does. */
function workflowNode(type: INodeType, typeName: string, parameters: INodeParameters): { node: INode; workflow: Workflow } {
	const node: INode = { id: 'n1', name: 'Videos', type: typeName, typeVersion: 1, position: [0, 0], parameters, credentials: { openAiVideosApi: { id: 'c1', name: 'Fixture' } } };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf({ [typeName]: type }) });
	return { node: workflow.getNode('Videos') as INode, workflow };
}

function settingsAs(type: INodeType, typeName: string, parameters: INodeParameters) {
	const { node, workflow } = workflowNode(type, typeName, parameters);
	const additionalData = additionalDataFor(new FixtureCredentialsHelper(new OpenAiVideosApi(), credentialsFor(fake.api)));
	const context = new ExecuteContext(workflow, node, additionalData, 'manual', createRunExecutionData(), 0, [{ json: {} }], { main: [[{ json: {} }]] }, { node, data: { main: [[{ json: {} }]] }, source: null }, []);
	return jobSettingsOf(context, 0, true);
}

describe('Create as an AI Agent tool', () => {
	test('waits for the job and returns the finished video object without downloading the file', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 50 };
		const { items, error } = await runTool(create());

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ object: 'video', status: 'completed', prompt: 'A lighthouse in a storm' });
		expect(items[0].binary).toBeUndefined();
		expect(fake.api.requests.some((request) => request.path.endsWith('/content'))).toBe(false);
	});

	test('the same parameters in the workflow node (not a tool) download the file, as before', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 50 };
		const { items, error } = await fake.run({ parameters: create() });

		expect(error).toBeUndefined();
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4' });
	});

	test('downloads when the tool is set to (Download Result on)', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 50 };
		const { items, error } = await runTool(create({ downloadResult: true }));

		expect(error).toBeUndefined();
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4' });
	});

	test('a job still running at the wait timeout is returned as it is, for the agent to report', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1000, pollAfterMs: 200 };
		const { items, error } = await runTool(create({ options: { waitTimeout: 1 } }));

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ object: 'video', status: expect.stringMatching(/^(queued|in_progress)$/) });
		expect(items[0].binary).toBeUndefined();
	});

	test('without Wait for Completion it returns the new job at once', async () => {
		const { items } = await runTool(create({ waitForCompletion: false }));

		expect(items[0].json).toMatchObject({ status: 'queued' });
		expect(fake.api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /videos']);
	});
});

describe('the wait of a tool', () => {
	test(`is bounded by ${TOOL_WAIT_TIMEOUT_S} s and returns the job at the timeout, unless the options say otherwise`, () => {
		const tool = settingsAs(openAiVideosTool(), TOOL_TYPE, create());
		const configured = settingsAs(openAiVideosTool(), TOOL_TYPE, create({ options: { waitTimeout: 600, onTimeout: 'error' } }));
		const node = settingsAs(new OpenAiVideos(), NODE_TYPE, create());

		expect(tool).toMatchObject({ waitForCompletion: true, download: undefined, timeoutMs: TOOL_WAIT_TIMEOUT_S * 1000, onTimeout: 'returnJob' });
		expect(configured).toMatchObject({ timeoutMs: 600_000, onTimeout: 'error' });
		expect(node).toMatchObject({ download: { variant: 'video', propertyName: 'data' }, timeoutMs: 900_000, onTimeout: 'error' });
	});
});

describe('the description an agent reads', () => {
	const descriptionOf = (parameters: INodeParameters) => {
		const type = openAiVideosTool();
		const { node } = workflowNode(type, TOOL_TYPE, parameters);
		return NodeHelpers.getToolDescriptionForNode(node, type);
	};

	test('says for each job operation what it returns and how long it takes', () => {
		for (const operation of ['create', 'remix', 'edit', 'extend']) {
			const text = descriptionOf({ resource: 'video', operation });
			expect(text).toContain('takes about 1 to 10 minutes');
			expect(text).toContain(`waits up to ${TOOL_WAIT_TIMEOUT_S} seconds`);
			expect(text).toContain('The video file itself is never returned.');
		}
		expect(descriptionOf({ resource: 'video', operation: 'create' })).toMatch(/^Generates a video from a text prompt/);
	});

	test('is its own for every operation, and what the user wrote wins', () => {
		const operations = [
			['video', 'create'], ['video', 'remix'], ['video', 'edit'], ['video', 'extend'], ['video', 'get'],
			['video', 'getAll'], ['video', 'delete'], ['video', 'download'], ['character', 'create'], ['character', 'get'],
		];
		const texts = operations.map(([resource, operation]) => descriptionOf({ resource, operation }));

		expect(new Set(texts).size).toBe(operations.length);
		expect(descriptionOf({ resource: 'video', operation: 'get', toolDescription: 'Checks a video.' })).toBe('Checks a video.');
	});

	test('is not a parameter of the workflow node', () => {
		const { node } = workflowNode(new OpenAiVideos(), NODE_TYPE, { resource: 'video', operation: 'create' });

		expect(node.parameters.toolDescription).toBeUndefined();
		expect(node.parameters.downloadResult).toBe(true);
	});
});

/**
 * The MCP Server Trigger and AI Agents before 3.0 call a tool as a sub-node: n8n-core's
 * `makeHandleToolInvocation` runs the type's `execute` (a RoutingNode for a declarative node) on a
 * SupplyDataContext whose `ai_tool` input holds the tool call, and skips customOperations.
 */
describe('called as a sub-node (MCP Server Trigger, AI Agent before 3.0)', () => {
	async function invoke(parameters: INodeParameters) {
		await prepareEnvironment();
		const type = openAiVideosTool();
		const { node, workflow } = workflowNode(type, TOOL_TYPE, parameters);
		const additionalData = additionalDataFor(new FixtureCredentialsHelper(new OpenAiVideosApi(), credentialsFor(fake.api)));
		const inputData = { [NodeConnectionTypes.AiTool]: [[{ json: { query: 'a tool call' } }]] };
		const context = new SupplyDataContext(workflow, node, additionalData, 'manual', createRunExecutionData(), 0, [], inputData, NodeConnectionTypes.AiTool, { node, data: inputData, source: null }, []);
		const executable = workflow.nodeTypes.getByNameAndVersion(TOOL_TYPE, 1);
		return await executable.execute!.call(context as never);
	}

	test('Create runs the custom operation: one job, waited for, no download', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 50 };
		const output = (await invoke(create())) as Array<Array<{ json: { status?: string }; binary?: unknown; pairedItem?: unknown }>>;

		expect(output[0]).toHaveLength(1);
		expect(output[0][0].json.status).toBe('completed');
		expect(output[0][0].binary).toBeUndefined();
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
		expect(fake.api.requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual(['/videos']);
	});

	test('Get Many and Get answer as in a workflow', async () => {
		const videos = [fake.api.addVideo(), fake.api.addVideo()];
		const many = (await invoke({ resource: 'video', operation: 'getAll', limit: 5 })) as Array<Array<{ json: { id?: string } }>>;
		const one = (await invoke({ resource: 'video', operation: 'get', videoId: { __rl: true, mode: 'id', value: String(videos[0].id) } })) as Array<Array<{ json: { id?: string } }>>;

		expect(many[0].map((item) => item.json.id)).toEqual([videos[1].id, videos[0].id]);
		expect(one[0][0].json.id).toBe(videos[0].id);
	});
});
