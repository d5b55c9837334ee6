'use strict';
/*
 * A scripted OpenAI chat model on loopback, for n8n's OpenAI Chat Model sub-node (lmChatOpenAi
 * up to version 1.2 calls POST <base URL>/chat/completions through @langchain/openai):
 *   - a request whose messages hold no tool result yet answers with one call of the first tool
 *     the request offers, with `toolArguments`;
 *   - a request with a tool result answers a final text: finalText(toolResultContent).
 * It answers as JSON, or as server-sent events when the request asks for `stream: true`.
 * GET /models lists one model. Every request is recorded (method, path, parsed body).
 */
const http = require('node:http');

const MODEL = 'gpt-e2e-fake';

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** The assistant message this turn: a tool call first, the final text after a tool result. */
function nextMessage(body, { toolArguments, finalText }) {
	const toolResult = (body.messages ?? []).find((message) => message.role === 'tool');
	if (toolResult) {
		const content = Array.isArray(toolResult.content)
			? toolResult.content.map((part) => part.text ?? '').join('')
			: String(toolResult.content ?? '');
		return { message: { role: 'assistant', content: finalText(content) }, finishReason: 'stop' };
	}
	const tool = body.tools?.[0]?.function;
	if (!tool) return { message: { role: 'assistant', content: 'The request offered no tool.' }, finishReason: 'stop' };
	const call = { id: 'call_e2e_0001', type: 'function', function: { name: tool.name, arguments: JSON.stringify(toolArguments) } };
	return { message: { role: 'assistant', content: null, tool_calls: [call] }, finishReason: 'tool_calls' };
}

const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

function completion({ message, finishReason }) {
	return {
		id: 'chatcmpl-e2e',
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: MODEL,
		choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
		usage,
	};
}

/** The same answer as two stream chunks: the delta, then the finish reason (and usage). */
function streamChunks({ message, finishReason }) {
	const base = { id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: MODEL };
	const delta = { role: 'assistant', content: message.content ?? '' };
	if (message.tool_calls) delta.tool_calls = message.tool_calls.map((call, index) => ({ index, ...call }));
	return [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }], usage },
	];
}

async function startFakeChatModel({ toolArguments, finalText }) {
	const requests = [];
	const server = http.createServer(async (req, res) => {
		const text = await readBody(req);
		let body = {};
		try {
			body = text ? JSON.parse(text) : {};
		} catch {
			body = { unparsed: text };
		}
		const path = new URL(req.url, 'http://x').pathname;
		requests.push({ method: req.method, path, body, headers: req.headers });
		if (req.method === 'GET' && path.endsWith('/models')) {
			res.writeHead(200, { 'content-type': 'application/json' });
			return void res.end(JSON.stringify({ object: 'list', data: [{ id: MODEL, object: 'model', owned_by: 'e2e' }] }));
		}
		if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
			res.writeHead(404, { 'content-type': 'application/json' });
			return void res.end(JSON.stringify({ error: { message: `no route ${req.method} ${path}` } }));
		}
		const answer = nextMessage(body, { toolArguments, finalText });
		if (body.stream) {
			res.writeHead(200, { 'content-type': 'text/event-stream' });
			for (const chunk of streamChunks(answer)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
			return void res.end('data: [DONE]\n\n');
		}
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(completion(answer)));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
		model: MODEL,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections?.();
			}),
	};
}

module.exports = { startFakeChatModel };
