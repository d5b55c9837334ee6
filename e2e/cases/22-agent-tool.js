'use strict';
/*
 * The node as a tool of n8n's own AI Agent (Agent 3 + OpenAI Chat Model 1.2, which calls
 * /chat/completions): a scripted chat model on loopback asks for one call of the Videos tool with
 * a prompt, then answers with the ID the tool returned. The tool creates one job, waits for it,
 * downloads nothing (Download Result is off in tool mode) and hands the agent the video JSON.
 */
const { describeRun } = require('../n8n-cli');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { CREDENTIAL, requestsOf } = require('../lib/context');
const { startFakeChatModel } = require('../lib/fake-chat-model');

const CHAT_CREDENTIAL = { id: 'e2eFakeChatCred01', name: 'Fake chat model (e2e)' };
const TOOL_NODE = 'Create Video';
const PROMPT = 'A red kite over a beach at sunset';

/** The items a tool node handed to the agent: n8n records them as the node's ai_tool output. */
const toolItemsOf = (runData, nodeName) => (runData?.[nodeName] ?? []).flatMap((run) => run.data?.ai_tool?.[0] ?? []);

module.exports = {
	title: "n8n's AI Agent uses the node as a tool",
	smoke: true,
	async run({ n8n, api, filesDir, cleanups }, t) {
		const chat = await startFakeChatModel({
			toolArguments: { prompt: PROMPT },
			// echoes the job ID only when the tool result carries it
			finalText: (toolResult) => {
				const received = [...api.videos.keys()].find((id) => toolResult.includes(id));
				return received ? `Your video is on its way: ${received}.` : 'The tool result named no video.';
			},
		});
		cleanups.push(() => chat.close());
		await n8n.importCredentials([{ ...CHAT_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-e2e-chat', url: chat.baseUrl } }]);
		api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 100, outcome: 'completed' };
		const workflow = prepare(loadTestWorkflow('agent-tool.json'), { credential: CREDENTIAL, filesDir });
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);

		t.ok(run.ok, 'the agent\'s execution succeeds', describeRun(run));
		const creates = requestsOf(api, 'POST', '/videos');
		t.equal(creates.length, 1, 'the tool creates exactly one job');
		t.equal(creates[0]?.json?.prompt, PROMPT, 'with the prompt the model chose ($fromAI)');
		t.equal(requestsOf(api, 'GET', /\/content$/).length, 0, 'tool mode downloads no file');
		const id = api.videos.keys().next().value;

		const chatCalls = chat.requests.filter((request) => request.path.endsWith('/chat/completions'));
		t.equal(chatCalls.length, 2, 'the model is asked twice: for the tool call, then with its result');
		const offered = chatCalls[0]?.body?.tools?.map((tool) => tool.function?.name) ?? [];
		t.equal(offered, ['Create_Video'], 'n8n offers the tool under its node name');
		const toolMessage = chatCalls[1]?.body?.messages?.find((message) => message.role === 'tool');
		t.ok(id && JSON.stringify(toolMessage ?? '').includes(id), 'the model receives the job ID in the tool result', JSON.stringify(toolMessage)?.slice(0, 400));

		const [agentItem] = run.runData['AI Agent']?.[0]?.data?.main?.[0] ?? [];
		t.ok(id && String(agentItem?.json?.output ?? '').includes(id), 'the agent\'s final output names the job ID', JSON.stringify(agentItem?.json));
		const toolItems = toolItemsOf(run.runData, TOOL_NODE);
		t.equal(toolItems.length, 1, 'the tool runs once, with one item');
		t.includes(toolItems[0]?.json, { id, object: 'video', status: 'completed', prompt: PROMPT }, 'the tool\'s run data shows the video JSON');
		t.ok(toolItems[0] && !toolItems[0].binary, 'and no file', JSON.stringify(toolItems[0]?.binary));
	},
};
