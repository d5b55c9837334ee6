'use strict';
/*
 * The two workflows of `npm run bench:n8n`, one per node, each started by a webhook:
 *   Webhook (POST /webhook/<path>, answers when the last node finishes)
 *     -> Split Out (body.items: one item per prompt)
 *     -> the node under test with its defaults
 *        ours: OpenAI Videos, Video -> Create (wait for completion, download)
 *        oursPoll1: the same with the option Poll Interval 1 s
 *        n8n:  n8n's OpenAI node 2.3 (@n8n/n8n-nodes-langchain.openAi), Video -> Generate
 *              (creates, polls every 10 s, downloads)
 * and the credentials both use, pointed at the fake API.
 */
const CREDENTIALS = {
	ours: { id: 'benchOursCred0001', name: 'Fake API (bench, this node)', type: 'openAiVideosApi' },
	n8n: { id: 'benchN8nCred00001', name: 'Fake API (bench, n8n node)', type: 'openAiApi' },
};

const NODE_NAME = 'Video';

function credentialsFor(baseUrl, apiKey) {
	return [
		{ ...CREDENTIALS.ours, data: { apiKey, baseUrl, authHeader: 'bearer' } },
		{ ...CREDENTIALS.n8n, data: { apiKey, url: baseUrl, organizationId: '', header: false } },
	];
}

const OURS = {
	type: 'n8n-nodes-openai-videos.openAiVideos',
	typeVersion: 1,
	parameters: { resource: 'video', operation: 'create', prompt: '={{ $json.prompt }}', model: 'sora-2' },
};

const NODES_UNDER_TEST = {
	ours: OURS,
	oursPoll1: { ...OURS, parameters: { ...OURS.parameters, options: { pollInterval: 1 } } },
	n8n: {
		type: '@n8n/n8n-nodes-langchain.openAi',
		typeVersion: 2.3,
		parameters: {
			resource: 'video',
			operation: 'generate',
			modelId: { __rl: true, mode: 'id', value: 'sora-2' },
			prompt: '={{ $json.prompt }}',
		},
	},
};

const webhookPath = (side) => `bench-${side}`;

const WORKFLOWS = {
	ours: { id: 'benchWorkflowOurs', name: 'this node' },
	oursPoll1: { id: 'benchWorkflowOurP', name: 'this node, Poll Interval 1 s' },
	n8n: { id: 'benchWorkflowN8n0', name: "n8n's OpenAI node" },
};

function workflowFor(side) {
	const credential = CREDENTIALS[side === 'n8n' ? 'n8n' : 'ours'];
	const { id, name } = WORKFLOWS[side];
	const node = NODES_UNDER_TEST[side];
	return {
		id,
		name: `bench: ${name}`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: `${id}-webhook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-webhook-id`,
				parameters: { httpMethod: 'POST', path: webhookPath(side), responseMode: 'lastNode', responseData: 'noData', options: {} },
			},
			{
				id: `${id}-split`,
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				id: `${id}-video`,
				name: NODE_NAME,
				position: [440, 0],
				...node,
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
	};
}

module.exports = { credentialsFor, workflowFor, webhookPath, NODE_NAME, SIDES: Object.keys(WORKFLOWS) };
