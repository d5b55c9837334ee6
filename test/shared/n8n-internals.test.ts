/**
 * Each reach into n8n's internals (nodes/shared/n8n-internals.ts) beside the n8n behaviour that
 * makes it necessary: when n8n changes under one of them, its test here fails.
 */
import { Readable } from 'node:stream';

import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions, INode, INodeType, JsonObject } from 'n8n-workflow';

import { keepAbortSignal, keepOwnMessage, onBodyChunk, runIndexOf } from '../../nodes/shared/n8n-internals';
import { runNode } from '../harness/run-node';

const node = { id: 'n', name: 'OpenAI Videos', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

/** A node type whose run is `execute`, for looking at n8n's execution context from inside. */
function probe(execute: (this: IExecuteFunctions) => Promise<unknown>): INodeType {
	return {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: 'probe',
			defaults: { name: 'Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [[{ json: { result: (await execute.call(this)) as never } }]];
		},
	};
}

const credentials = { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9/v1' };

test('NodeApiError still swaps a message naming ETIMEDOUT for a generic one; keepOwnMessage keeps ours', () => {
	const message = 'GET /videos got no answer within 1 s (ETIMEDOUT)';
	const plain = new NodeApiError(node, { code: 'ETIMEDOUT' } as JsonObject, { message });
	expect(plain.message).not.toBe(message);

	keepOwnMessage(plain, message);
	expect(plain.message).toBe(message);
	expect(plain.name).toBe('NodeApiError');
});

test("the execution context still has a numeric runIndex, which IExecuteFunctions does not declare", async () => {
	const { items, error } = await runNode({
		parameters: {},
		credentials,
		nodeType: probe(async function () {
			return { declared: 'runIndex' in this, runIndex: runIndexOf(this) };
		}),
	});
	expect(error).toBeUndefined();
	expect(items[0].json.result).toEqual({ declared: true, runIndex: 0 });
});

test('httpRequestWithAuthentication still replaces abortSignal; keepAbortSignal keeps ours', async () => {
	const ours = new AbortController().signal;
	const { items, error } = await runNode({
		parameters: {},
		credentials,
		nodeType: probe(async function () {
			// n8n sets abortSignal on the options it is given (request-helpers/authentication.ts).
			const plain: IHttpRequestOptions = { method: 'GET', url: 'http://127.0.0.1:9/x', timeout: 1, abortSignal: ours };
			await this.helpers.httpRequestWithAuthentication.call(this, 'openAiVideosApi', plain).catch(() => undefined);
			const kept = keepAbortSignal({ method: 'GET', url: 'http://127.0.0.1:9/x', timeout: 1 }, ours);
			await this.helpers.httpRequestWithAuthentication.call(this, 'openAiVideosApi', kept).catch(() => undefined);
			return { plainReplaced: plain.abortSignal !== ours, keptIsOurs: kept.abortSignal === ours };
		}),
	});
	expect(error).toBeUndefined();
	expect(items[0].json.result).toEqual({ plainReplaced: true, keptIsOurs: true });
});

test.each(['filesystem', 'default'] as const)("n8n's binary store (%s mode) reads a body through its 'data' events: onBodyChunk counts every byte", async (binaryMode) => {
	const chunks = Array.from({ length: 40 }, (_, index) => Buffer.alloc(16 * 1024, index));
	const { items, error } = await runNode({
		parameters: {},
		credentials,
		binaryMode,
		nodeType: probe(async function () {
			const body = Readable.from(chunks, { objectMode: false });
			let counted = 0;
			onBodyChunk(body, (chunk) => (counted += chunk.length));
			const binary = await this.helpers.prepareBinaryData(body as unknown as Buffer, 'x.bin', 'application/octet-stream');
			return { counted, stored: (await this.helpers.binaryToBuffer(await this.helpers.getBinaryStream(binary.id ?? '')).catch(() => Buffer.from(binary.data, 'base64'))).length };
		}),
	});
	expect(error).toBeUndefined();
	expect(items[0].json.result).toEqual({ counted: 40 * 16 * 1024, stored: 40 * 16 * 1024 });
});
