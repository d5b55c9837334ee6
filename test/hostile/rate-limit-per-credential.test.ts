/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Issue 19, point 1: a rate limit belongs to a credential, not to a server. The gate (the hold
 * after a 429, the adaptive spacing, the connection slots) is keyed by the Base URL's origin and a
 * digest of the credential's identity (the key and the headers that name an account:
 * OpenAI-Organization, OpenAI-Project, Custom Headers). Two executions run at once through n8n's
 * engine, one server, one limited credential.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { customHeaders } from '../credential/helpers';
import { runNode, type RunNodeResult } from '../harness/run-node';
import { captureLogs } from './logs';
import { create, get } from './parameters';
import { apiLike, credentialsOf, KEY, sendJson, until, useHosts, type Host, type Received } from './servers';

const hosts = useHosts();
const logs = captureLogs();

const OTHER_KEY = 'sk-hostile-second-Zr5Tq8Wm2Xv4Lp9N';
const RETRY_AFTER_S = 20;

const rateLimited = (response: Parameters<typeof sendJson>[0], headers: Record<string, string>) =>
	sendJson(response, 429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }, headers);

const threeItems = [{ json: {} }, { json: {} }, { json: {} }];
const createNoWait = create({ maxRetries: 3 }, { waitForCompletion: false });

interface Pair {
	limited: (host: Host) => ICredentialDataDecryptedObject;
	free: (host: Host) => ICredentialDataDecryptedObject;
	/** Whether a request came with the limited credential. */
	isLimited: (request: Received) => boolean;
}

const pairs: Record<string, Pair> = {
	'two API keys': {
		limited: (host) => credentialsOf(host),
		free: (host) => credentialsOf(host, { apiKey: OTHER_KEY }),
		isLimited: (request) => request.headers.authorization === `Bearer ${KEY}`,
	},
	'one key, two projects (OpenAI-Project)': {
		limited: (host) => credentialsOf(host, { projectId: 'proj-limited' }),
		free: (host) => credentialsOf(host, { projectId: 'proj-free' }),
		isLimited: (request) => request.headers['openai-project'] === 'proj-limited',
	},
	'one key, two organizations (OpenAI-Organization)': {
		limited: (host) => credentialsOf(host, { organizationId: 'org-limited' }),
		free: (host) => credentialsOf(host, { organizationId: 'org-free' }),
		isLimited: (request) => request.headers['openai-organization'] === 'org-limited',
	},
	'one key, two tenants (a Custom Header)': {
		limited: (host) => credentialsOf(host, customHeaders({ 'X-Tenant': 'limited' })),
		free: (host) => credentialsOf(host, customHeaders({ 'X-Tenant': 'free' })),
		isLimited: (request) => request.headers['x-tenant'] === 'limited',
	},
};

describe('two credentials on one server never hold each other back', () => {
	test.each(Object.keys(pairs))('%s: the limited one waits, the other one runs', async (name) => {
		const { limited, free, isLimited } = pairs[name];
		hosts.home.handle = (request, response) =>
			isLimited(request) ? rateLimited(response, { 'retry-after': String(RETRY_AFTER_S) }) : apiLike(request, response);

		let cancelLimited = () => {};
		const limitedRun = runNode({ credentials: limited(hosts.home), parameters: createNoWait, onStart: (cancel) => (cancelLimited = cancel) });
		let freeRun: RunNodeResult;
		let freeMs: number;
		let limitedRequestsMeanwhile: number;
		try {
			await until(() => hosts.home.requests.some((request) => isLimited(request) && request.closedAt !== undefined), 5_000);
			// The 429 has been answered; give the node a moment to read it and hold its gate.
			await new Promise((resolve) => setTimeout(resolve, 300));
			const started = Date.now();
			freeRun = await runNode({ credentials: free(hosts.home), parameters: createNoWait, items: threeItems });
			freeMs = Date.now() - started;
			limitedRequestsMeanwhile = hosts.home.requests.filter(isLimited).length;
		} finally {
			cancelLimited();
		}
		const limitedResult = await limitedRun;
		const firstLimited = hosts.home.requests.find(isLimited)!;

		expect(freeRun.error).toBeUndefined();
		expect(freeRun.items.map((item) => item.json.id)).toEqual(['video_new', 'video_new', 'video_new']);
		const freeCreates = hosts.home.requests.filter((request) => !isLimited(request) && request.method === 'POST');
		expect(freeCreates).toHaveLength(3);
		// Every create of the free credential reached the server inside the other one's retry-after…
		for (const request of freeCreates) expect(request.receivedAt - firstLimited.receivedAt).toBeLessThan(RETRY_AFTER_S * 1000);
		// …while the limited credential still waited out its own: one request, its 429, nothing more.
		expect(limitedRequestsMeanwhile).toBe(1);
		expect(limitedResult.status).toBe('canceled');
		// The figure of the closing note (printed, never asserted): the free credential's time.
		console.log(`${name}: free credential, 3 creates: ${freeMs} ms while the other waits out retry-after ${RETRY_AFTER_S} s`);
	}, 30_000);
});

describe('two executions on one credential share the hold', () => {
	const same: Record<string, (host: Host) => [ICredentialDataDecryptedObject, ICredentialDataDecryptedObject]> = {
		'the same credential': (host) => [credentialsOf(host), credentialsOf(host)],
		'the same key and headers, a header name spelled in other case, the Base URL with a trailing slash': (host) => [
			credentialsOf(host, customHeaders({ 'X-Tenant': 'blue' })),
			credentialsOf(host, { baseUrl: `${host.baseUrl}/`, ...customHeaders({ 'x-tenant': 'blue' }) }),
		],
	};

	test.each(Object.keys(same))('%s: the second execution waits out the 429 the first one got', async (name) => {
		const [first, second] = same[name](hosts.home);
		hosts.home.handle = (request, response) =>
			hosts.home.requests.length === 1 ? rateLimited(response, { 'retry-after-ms': '1500' }) : apiLike(request, response);

		const firstRun = runNode({ credentials: first, parameters: get() });
		await until(() => hosts.home.requests[0]?.closedAt !== undefined, 5_000);
		await new Promise((resolve) => setTimeout(resolve, 300));
		const secondRun = await runNode({ credentials: second, parameters: get() });
		const firstResult = await firstRun;

		expect(firstResult.error).toBeUndefined();
		expect(secondRun.error).toBeUndefined();
		const [limitedAt, ...later] = hosts.home.requests.map((request) => request.receivedAt);
		expect(later).toHaveLength(2);
		// Neither execution sent anything before the server's retry-after-ms had passed.
		for (const at of later) expect(at - limitedAt).toBeGreaterThanOrEqual(1_450);
	});
});

test('no log line carries a key', async () => {
	hosts.home.handle = (request, response) =>
		request.headers.authorization === `Bearer ${KEY}` ? rateLimited(response, { 'retry-after-ms': '200' }) : apiLike(request, response);

	const results = await Promise.all([
		runNode({ credentials: credentialsOf(hosts.home), parameters: get({ maxRetries: 1 }) }),
		runNode({ credentials: credentialsOf(hosts.home, { apiKey: OTHER_KEY }), parameters: get() }),
	]);

	expect(results[0].error?.message).toMatch(/Rate limit reached/);
	expect(results[1].error).toBeUndefined();
	const logged = logs.lines.join('\n');
	expect(logged).not.toContain(KEY);
	expect(logged).not.toContain(OTHER_KEY);
});
