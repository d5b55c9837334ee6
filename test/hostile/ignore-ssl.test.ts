/**
 * Issue 19, point 2: the credential's "Ignore SSL Issues (Insecure)" (`allowUnauthorizedCerts`)
 * against a self-signed https server made in the test (test/hostile/tls, valid 2000–2199). It
 * applies to every request of the node, the trigger, the pickers and the credential test, and only
 * to the Base URL's origin: a redirect to another host is verified as usual, and no credential
 * header goes over plain http after an https Base URL, same host and port or not.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { CredentialTestContext } from 'n8n-core';

import { openAiVideosApiTest } from '../../nodes/shared/credential-test';
import { customHeaders, queryParameters } from '../credential/helpers';
import { prepareEnvironment } from '../harness/environment';
import { listSearch } from '../harness/load-options';
import { PollRunner } from '../harness/run-poll';
import { create, download, get } from './parameters';
import {
	apiLike,
	credentialHeadersOf,
	credentialsOf,
	MP4,
	redirect,
	runAgainst,
	startHost,
	TEST_TLS,
	type Handler,
	type Host,
} from './servers';

const CERTIFICATE_PROBLEM = /self[- ]signed certificate/i;

const hosts = { home: undefined as unknown as Host, other: undefined as unknown as Host };
beforeEach(async () => {
	hosts.home = await startHost('127.0.0.1', apiLike, TEST_TLS);
	hosts.other = await startHost('127.0.0.2', apiLike, TEST_TLS);
});
afterEach(async () => {
	await hosts.home.close();
	await hosts.other.close();
});

/** The credential of the https home host, with Ignore SSL Issues on (or as given). */
const insecure = (extra: ICredentialDataDecryptedObject = {}) =>
	credentialsOf(hosts.home, { allowUnauthorizedCerts: true, ...customHeaders({ 'X-Tenant': 'blue' }), ...queryParameters({ tenant: 't1' }), ...extra });

async function testCredential(data: ICredentialDataDecryptedObject) {
	await prepareEnvironment();
	return await openAiVideosApiTest.call(new CredentialTestContext(), { id: 'c1', name: 'Fixture', type: 'openAiVideosApi', data });
}

describe('without Ignore SSL Issues a self-signed server is refused, once, with a way out', () => {
	test('the node: the certificate problem, the option to turn on, no retry', async () => {
		const { error } = await runAgainst(hosts.home, get({ maxRetries: 3 }));

		expect(error?.message).toMatch(CERTIFICATE_PROBLEM);
		expect(error?.description).toContain('Ignore SSL Issues (Insecure)');
		// The handshake failed: no request reached the server, and none was tried again.
		expect(hosts.home.requests).toHaveLength(0);
		expect(hosts.home.connections).toBe(1);
	});

	test('the credential test', async () => {
		const result = await testCredential(credentialsOf(hosts.home));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(CERTIFICATE_PROBLEM);
		expect(result.message).toContain('Ignore SSL Issues (Insecure)');
		expect(hosts.home.requests).toHaveLength(0);
	});

	test('Ignore SSL Issues off (false) is the same as not set', async () => {
		const { error } = await runAgainst(hosts.home, get(), { credentials: credentialsOf(hosts.home, { allowUnauthorizedCerts: false }) });

		expect(error?.message).toMatch(CERTIFICATE_PROBLEM);
		expect(hosts.home.requests).toHaveLength(0);
	});
});

describe('with Ignore SSL Issues every request to the Base URL\'s server goes through, credential and all', () => {
	const operations: Record<string, INodeParameters> = {
		'Create, waiting and downloading': create({ waitTimeout: 20 }, { downloadResult: true }),
		Get: get(),
		'Get Many': { resource: 'video', operation: 'getAll', returnAll: false, limit: 5 },
		Delete: { resource: 'video', operation: 'delete', videoId: 'video_1' },
		Download: download(),
	};

	test.each(Object.keys(operations))('%s', async (name) => {
		const { error, items } = await runAgainst(hosts.home, operations[name], { credentials: insecure() });

		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(hosts.home.requests.length).toBeGreaterThan(0);
		for (const request of hosts.home.requests) {
			expect(request.scheme).toBe('https');
			expect(request.headers.authorization).toBe(`Bearer ${credentialsOf(hosts.home).apiKey}`);
			expect(request.headers['x-tenant']).toBe('blue');
			expect(request.query.get('tenant')).toBe('t1');
		}
	});

	test('the trigger', async () => {
		const runner = new PollRunner({ parameters: { event: 'completed', options: {} }, credentials: insecure() });

		const items = await runner.poll('manual');

		expect(items?.map((item) => item.json.id)).toEqual(['video_listed']);
		expect(hosts.home.requests.every((request) => request.scheme === 'https' && request.headers['x-tenant'] === 'blue')).toBe(true);
	});

	test('the pickers', async () => {
		const result = await listSearch('searchVideos', { credentials: insecure() });

		expect(result.results.map((entry) => entry.value)).toEqual(['video_listed']);
		expect(hosts.home.requests[0].scheme).toBe('https');
	});

	test('the credential test', async () => {
		const result = await testCredential(insecure());

		expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(hosts.home.requests[0].scheme).toBe('https');
		expect(hosts.home.requests[0].headers['x-tenant']).toBe('blue');
	});
});

describe('only for the Base URL\'s origin', () => {
	/** Home redirects /content over https to `target`; the file is served wherever the redirect leads. */
	const contentTo = (target: () => string): Handler => (request, response) => {
		if (request.scheme === 'https' && request.path.endsWith('/content')) return redirect(response, 302, target());
		return apiLike(request, response);
	};

	test('a redirect to another https host with its own certificate is verified as usual and fails there', async () => {
		hosts.home.handle = contentTo(() => `${hosts.other.origin}/signed/video_1/content`);

		const { error } = await runAgainst(hosts.home, download({ maxRetries: 2 }), { credentials: insecure() });

		expect(error?.message).toMatch(CERTIFICATE_PROBLEM);
		expect(`${error?.message} ${error?.description}`).toContain(hosts.other.origin);
		expect(hosts.home.requests.filter((request) => request.path.endsWith('/content')).length).toBeGreaterThan(0);
		expect(hosts.other.requests).toHaveLength(0);
	});

	const plainTargets: Record<string, () => string> = {
		'http on the same host and port': () => `${hosts.home.plainOrigin}/signed/video_1/content`,
		'http on another host': () => `${hosts.other.plainOrigin}/signed/video_1/content`,
	};

	test.each(Object.keys(plainTargets))('a download redirected from https to %s carries no credential there', async (name) => {
		hosts.home.handle = contentTo(plainTargets[name]);

		const { error, items } = await runAgainst(hosts.home, download(), { credentials: insecure() });

		expect(error).toBeUndefined();
		expect(items[0].json.bytes).toBe(MP4.length);
		const plain = [...hosts.home.requests, ...hosts.other.requests].filter((request) => request.scheme === 'http');
		expect(plain).toHaveLength(1);
		expect(credentialHeadersOf(plain[0])).toEqual({});
		expect(plain[0].headers['x-tenant']).toBeUndefined();
		expect(plain[0].query.get('tenant')).toBeNull();
	});

	test('a Get redirected from https to http on the same host and port carries no credential there', async () => {
		hosts.home.handle = (request, response) => {
			if (request.scheme === 'https') return redirect(response, 301, `${hosts.home.plainOrigin}${request.url}`);
			return apiLike(request, response);
		};

		await runAgainst(hosts.home, get(), { credentials: insecure() });

		const plain = hosts.home.requests.filter((request) => request.scheme === 'http');
		expect(plain).toHaveLength(1);
		expect(credentialHeadersOf(plain[0])).toEqual({});
		expect(plain[0].headers['x-tenant']).toBeUndefined();
	});

	test('a Create redirected from https to http on the same host and port is not sent there', async () => {
		hosts.home.handle = (request, response) => {
			if (request.scheme === 'https' && request.method === 'POST') return redirect(response, 307, `${hosts.home.plainOrigin}${request.url}`);
			return apiLike(request, response);
		};

		const { error } = await runAgainst(hosts.home, create({}, { waitForCompletion: false }), { credentials: insecure() });

		expect(error?.message).toContain(`redirected to another server (${hosts.home.plainOrigin})`);
		expect(hosts.home.requests.filter((request) => request.scheme === 'http')).toHaveLength(0);
	});
});
