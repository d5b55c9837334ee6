/**
 * Issue 10, point 1: no credential header leaves the Base URL's origin on a redirect; a POST or
 * DELETE is never re-sent to another origin; redirect chains and loops end.
 */
import type { INodeParameters } from 'n8n-workflow';

import { PollRunner } from '../harness/run-poll';
import {
	apiLike,
	credentialHeadersOf,
	credentialsOf,
	KEY,
	ORGANIZATION,
	PROJECT,
	redirect,
	runAgainst,
	sendJson,
	useHosts,
	video,
	type Host,
} from './servers';

const hosts = useHosts();

const AUTH_HEADERS = { bearer: 'authorization', apiKey: 'api-key' } as const;
type AuthHeader = keyof typeof AUTH_HEADERS;

/** Home sends every request matching `matches` to the same path on the other host, with a cookie. */
function redirectToOther(home: Host, other: Host, matches: (method: string, path: string) => boolean, status = 302): void {
	home.handle = (request, response) => {
		if (!matches(request.method, request.path)) return apiLike(request, response);
		return redirect(response, status, `${other.origin}${request.url}`, { 'set-cookie': `session=${KEY}; Path=/` });
	};
	other.handle = apiLike;
}

const readOperations: Record<string, { parameters?: INodeParameters; redirected: (method: string, path: string) => boolean; trigger?: boolean }> = {
	'Get': {
		parameters: { resource: 'video', operation: 'get', videoId: 'video_1', options: { maxRetries: 0 } },
		redirected: (method, path) => method === 'GET' && path === '/v1/videos/video_1',
	},
	"Create's status poll": {
		parameters: {
			resource: 'video',
			operation: 'create',
			prompt: 'A lighthouse',
			downloadResult: false,
			options: { pollInterval: 1, waitTimeout: 20, maxRetries: 0 },
		},
		redirected: (method, path) => method === 'GET' && path === '/v1/videos/video_new',
	},
	'Get Many': {
		parameters: { resource: 'video', operation: 'getAll', returnAll: false, limit: 5, options: { maxRetries: 0 } },
		redirected: (method, path) => method === 'GET' && path === '/v1/videos',
	},
	'Download': {
		parameters: { resource: 'video', operation: 'download', videoId: 'video_1', options: { maxRetries: 0 } },
		redirected: (_method, path) => path === '/v1/videos/video_1/content',
	},
	"the trigger's list": {
		trigger: true,
		redirected: (method, path) => method === 'GET' && path === '/v1/videos',
	},
};

async function runRead(name: string, authHeader: AuthHeader) {
	const operation = readOperations[name];
	const credentials = credentialsOf(hosts.home, { authHeader });
	if (operation.trigger) {
		const runner = new PollRunner({ parameters: { event: 'completed', downloadResult: false, options: {} }, credentials });
		try {
			return { error: undefined, items: (await runner.poll('manual')) ?? [] };
		} catch (error) {
			return { error: error as Error, items: [] };
		}
	}
	return await runAgainst(hosts.home, operation.parameters!, { credentials });
}

describe('a read redirected to another origin gets its answer there, but no credential travels', () => {
	const cases = Object.keys(readOperations).flatMap((name) => (['bearer', 'apiKey'] as AuthHeader[]).map((auth) => [name, auth] as const));
	test.each(cases)('%s, auth %s', async (name, authHeader) => {
		const { home, other } = hosts;
		redirectToOther(home, other, readOperations[name].redirected);

		const { error, items } = await runRead(name, authHeader);

		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		// The home server got the credential (so the test could see a leak)...
		const redirected = home.requests.filter((request) => readOperations[name].redirected(request.method, request.path));
		expect(redirected.length).toBeGreaterThan(0);
		expect(credentialHeadersOf(redirected[0])).toEqual({
			[AUTH_HEADERS[authHeader]]: authHeader === 'bearer' ? `Bearer ${KEY}` : KEY,
			'openai-organization': ORGANIZATION,
			'openai-project': PROJECT,
		});
		// ...the other host got the request, and nothing of the credential.
		expect(other.requests.length).toBe(redirected.length);
		for (const request of other.requests) {
			expect(credentialHeadersOf(request)).toEqual({});
			expect(JSON.stringify(request.headers)).not.toContain(KEY);
			expect(JSON.stringify(request.headers)).not.toContain(ORGANIZATION);
		}
	});

	test.each([301, 302, 303, 307, 308])('Get answered %i', async (status) => {
		const { home, other } = hosts;
		redirectToOther(home, other, readOperations.Get.redirected, status);

		const { error, items } = await runAgainst(home, readOperations.Get.parameters!, { credentials: credentialsOf(home, { authHeader: 'apiKey' }) });

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe('video_1');
		expect(other.requests).toHaveLength(1);
		expect(credentialHeadersOf(other.requests[0])).toEqual({});
	});

	test('a redirect back home carries the credential again, the hop elsewhere does not', async () => {
		const { home, other } = hosts;
		home.handle = (request, response) => {
			if (request.path === '/v1/videos/video_1') return redirect(response, 302, `${other.origin}/bounce`);
			return apiLike(request, response);
		};
		other.handle = (_request, response) => redirect(response, 302, `${home.origin}/v1/videos/video_2`);

		const { error, items } = await runAgainst(home, readOperations.Get.parameters!);

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe('video_2');
		expect(credentialHeadersOf(other.requests[0])).toEqual({});
		expect(credentialHeadersOf(home.requests[1]).authorization).toBe(`Bearer ${KEY}`);
	});
});

describe('a POST or DELETE redirected to another origin fails, naming it; the other host receives nothing', () => {
	const create: INodeParameters = { resource: 'video', operation: 'create', prompt: 'A lighthouse', waitForCompletion: false, options: { maxRetries: 3 } };
	const remix: INodeParameters = { resource: 'video', operation: 'remix', videoId: 'video_1', prompt: 'At night', waitForCompletion: false, options: { maxRetries: 3 } };
	const remove: INodeParameters = { resource: 'video', operation: 'delete', videoId: 'video_1', options: { maxRetries: 3 } };
	const cases: Array<[string, number, AuthHeader, INodeParameters]> = [
		['Create', 307, 'bearer', create],
		['Create', 308, 'apiKey', create],
		['Create', 302, 'bearer', create],
		['Create', 303, 'apiKey', create],
		['Create', 301, 'bearer', create],
		['Remix', 307, 'apiKey', remix],
		['Delete', 307, 'bearer', remove],
		['Delete', 308, 'apiKey', remove],
		['Delete', 302, 'bearer', remove],
	];
	test.each(cases)('%s answered %i (auth %s)', async (_name, status, authHeader, parameters) => {
		const { home, other } = hosts;
		redirectToOther(home, other, (method) => method !== 'GET', status);

		const { error } = await runAgainst(home, parameters, { credentials: credentialsOf(home, { authHeader }) });

		expect(error?.message).toContain(`redirected to another server (${other.origin})`);
		expect(other.requests).toHaveLength(0);
		// Not retried either: the refusal is final.
		expect(home.requests).toHaveLength(1);
	});

	test('a Create redirected within the Base URL\'s origin is followed, body and key included', async () => {
		const { home } = hosts;
		home.handle = (request, response) => {
			if (request.path === '/v1/videos') return redirect(response, 307, '/v1/videos-moved');
			if (request.path === '/v1/videos-moved') return sendJson(response, 200, video('video_moved', 'queued'));
			return apiLike(request, response);
		};

		const { error, items } = await runAgainst(home, create);

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe('video_moved');
		const [, moved] = home.requests;
		expect(moved.method).toBe('POST');
		expect(JSON.parse(moved.body.toString()).prompt).toBe('A lighthouse');
		expect(moved.headers.authorization).toBe(`Bearer ${KEY}`);
	});
});

describe('redirect chains and loops end', () => {
	test('a redirect loop on one URL stops after 5 hops', async () => {
		const { home } = hosts;
		home.handle = (request, response) => redirect(response, 302, request.url);

		const { error } = await runAgainst(home, readOperations.Get.parameters!);

		expect(error?.message).toBe('GET /videos/{video_id} redirected more than 5 times; the server\'s redirects do not end');
		expect(home.requests).toHaveLength(6);
	});

	test('a ping-pong between two hosts stops after 5 hops', async () => {
		const { home, other } = hosts;
		home.handle = (request, response) => redirect(response, 307, `${other.origin}${request.url}`);
		other.handle = (request, response) => redirect(response, 307, `${home.origin}${request.url}`);

		const { error } = await runAgainst(home, readOperations['Get Many'].parameters!);

		expect(error?.message).toMatch(/redirected more than 5 times/);
		expect(home.requests.length + other.requests.length).toBe(6);
		for (const request of other.requests) expect(credentialHeadersOf(request)).toEqual({});
	});

	test('a chain of fresh URLs stops after 5 hops, a download too', async () => {
		const { home } = hosts;
		let hop = 0;
		home.handle = (_request, response) => redirect(response, 302, `/v1/hop/${++hop}`);

		const { error } = await runAgainst(home, readOperations.Download.parameters!);

		expect(error?.message).toMatch(/redirected more than 5 times/);
		expect(home.requests).toHaveLength(6);
	});

	test('a chain of 5 hops still arrives', async () => {
		const { home } = hosts;
		home.handle = (request, response) => {
			const hop = Number(/\/hop\/(\d+)/.exec(request.path)?.[1] ?? 0);
			if (hop < 5) return redirect(response, 302, `/v1/hop/${hop + 1}`);
			return sendJson(response, 200, video('video_1'));
		};

		const { error, items } = await runAgainst(home, readOperations.Get.parameters!);

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe('video_1');
	});
});
