/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Issue 19's closing figure: two credentials on one server, one of them rate limited (429,
 * retry-after: 20). How long the other credential's run of 3 creates (without waiting) takes while
 * the first one waits out its retry-after, through n8n-core's engine, two executions at once.
 * (On 0.2.0, with one gate per origin, the issue measured 20,122 ms.)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode } from '../test/harness/run-node';
import { report } from './measure';

const LIMITED_KEY = 'sk-bench-limited-0123456789';
const FREE_KEY = 'sk-bench-free-0123456789';
const RETRY_AFTER_S = 20;
const RUNS = 5;

const parameters = { resource: 'video', operation: 'create', prompt: 'A lighthouse', waitForCompletion: false, options: { maxRetries: 3 } };
const credentialsOf = (apiKey: string, baseUrl: string) => ({ apiKey, baseUrl, authHeader: 'bearer' });

let limitedRequests = 0;

function answer(request: IncomingMessage, response: ServerResponse): void {
	const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
		response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
	request.resume();
	request.on('end', () => {
		if (request.headers.authorization === `Bearer ${LIMITED_KEY}`) {
			limitedRequests++;
			json(429, { error: { message: 'Rate limit reached for requests', code: 'rate_limit_exceeded' } }, { 'retry-after': String(RETRY_AFTER_S) });
			return;
		}
		json(200, { id: `video_${Date.now()}`, object: 'video', status: 'queued', progress: 0, created_at: 1_760_000_000, model: 'sora-2', seconds: '4', size: '720x1280' });
	});
}

export async function benchCredentials(): Promise<void> {
	const server = createServer(answer);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	let cancel = () => {};
	const limited = runNode({ credentials: credentialsOf(LIMITED_KEY, baseUrl), parameters, onStart: (stop) => (cancel = stop) });
	try {
		while (limitedRequests === 0) await new Promise((resolve) => setTimeout(resolve, 10));
		await new Promise((resolve) => setTimeout(resolve, 300));
		const times: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const started = performance.now();
			const { error, items } = await runNode({ credentials: credentialsOf(FREE_KEY, baseUrl), parameters, items: [{ json: {} }, { json: {} }, { json: {} }] });
			if (error || items.length !== 3) throw new Error(`the free credential's run failed: ${error?.message ?? `${items.length} items`}`);
			times.push(performance.now() - started);
		}
		const sorted = [...times].sort((a, b) => a - b);
		console.log(
			`credentials: free key, 3 creates, while the other key waits out retry-after ${RETRY_AFTER_S} s on the same server: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms (${RUNS} runs); the limited key sent ${limitedRequests} request meanwhile`,
		);
		report('credentials: free key beside a limited one, median of 3 creates', `${sorted[Math.floor(RUNS / 2)].toFixed(0)} ms`, `< ${RETRY_AFTER_S * 1000} ms`, sorted[RUNS - 1] < RETRY_AFTER_S * 1000 && limitedRequests === 1);
	} finally {
		cancel();
		await limited;
		server.close();
	}
}
