/**
 * Issue 10, point 4: numeric options that resolve to nonsense fail before any request, naming the
 * option; a list answer that is no list is an error naming the endpoint.
 */
import type { INodeParameters } from 'n8n-workflow';

import { PollRunner } from '../harness/run-poll';
import { credentialsOf, runAgainst, sendJson, useHosts, video } from './servers';

const hosts = useHosts();

const create = (options: INodeParameters): INodeParameters => ({ resource: 'video', operation: 'create', prompt: 'A lighthouse', options });
const get = (options: INodeParameters): INodeParameters => ({ resource: 'video', operation: 'get', videoId: 'video_1', options });
const getMany = (limit: unknown, options: INodeParameters = {}): INodeParameters => ({ resource: 'video', operation: 'getAll', returnAll: false, limit: limit as string, options });

const NOT_NUMBERS = ['={{NaN}}', '={{"abc"}}', 'abc', '={{-1}}', '={{1e9}}', '={{null}}', '={{ {} }}'];
const NOT_WHOLE = ['={{1.5}}'];

const cases: Array<[string, string, INodeParameters]> = [
	...[...NOT_NUMBERS].map((value): [string, string, INodeParameters] => ['Poll Interval', value, create({ pollInterval: value })]),
	...[...NOT_NUMBERS].map((value): [string, string, INodeParameters] => ['Wait Timeout', value, create({ waitTimeout: value })]),
	...[...NOT_NUMBERS, ...NOT_WHOLE, '={{11}}'].map((value): [string, string, INodeParameters] => ['Max Retries', value, create({ maxRetries: value })]),
	...[...NOT_NUMBERS, ...NOT_WHOLE, '={{0}}'].map((value): [string, string, INodeParameters] => ['Max Parallel Jobs', value, create({ maxParallelJobs: value })]),
	...[...NOT_NUMBERS, '={{0}}'].map((value): [string, string, INodeParameters] => ['Request Timeout', value, create({ requestTimeout: value })]),
	...[...NOT_NUMBERS, ...NOT_WHOLE, '={{11}}'].map((value): [string, string, INodeParameters] => ['Max Retries', `${value} (Get)`, get({ maxRetries: value })]),
	...[...NOT_NUMBERS].map((value): [string, string, INodeParameters] => ['Request Timeout', `${value} (Get)`, get({ requestTimeout: value })]),
	...[...NOT_NUMBERS, ...NOT_WHOLE, '={{0}}'].map((value): [string, string, INodeParameters] => ['Limit', value, getMany(value)]),
	...[...NOT_NUMBERS, ...NOT_WHOLE].map((value): [string, string, INodeParameters] => ['Max Retries', `${value} (Get Many)`, getMany(5, { maxRetries: value })]),
];

describe('numeric options that resolve to nonsense fail before any request, naming the option', () => {
	test.each(cases)('%s = %s', async (label, _value, parameters) => {
		hosts.home.handle = (_request, response) => sendJson(response, 200, video('video_1', 'queued'));

		const { error } = await runAgainst(hosts.home, parameters);

		expect(error?.message).toMatch(new RegExp(`"${label}"|${label}`));
		expect(hosts.home.requests).toHaveLength(0);
	});

	test.each([
		['Poll Interval', create({ pollInterval: '={{1.5}}', waitTimeout: 1, onTimeout: 'returnJob' })],
		['Wait Timeout', create({ waitTimeout: '={{1.5}}', onTimeout: 'returnJob' })],
	])('%s may be a fraction of a second', async (_label, parameters) => {
		hosts.home.handle = (_request, response) => sendJson(response, 200, video('video_1', 'queued'));

		const { error } = await runAgainst(hosts.home, parameters);

		expect(error).toBeUndefined();
		expect(hosts.home.requests.length).toBeGreaterThan(0);
	});
});

describe('a list answer whose data is not an array is an error naming the endpoint', () => {
	const answers: Array<[string, unknown]> = [
		['data: {}', { object: 'list', data: {} }],
		['data: "videos"', { object: 'list', data: 'videos' }],
		['no data', { object: 'list', has_more: false }],
		['a bare array', [video('video_1')]],
		['null', null],
	];

	test.each(answers)('Get Many, %s', async (_name, body) => {
		hosts.home.handle = (_request, response) => sendJson(response, 200, body);

		const { error } = await runAgainst(hosts.home, getMany(5, { maxRetries: 0 }));

		expect(error?.message).toBe('GET /videos answered without a list of videos');
	});

	test.each(answers)("the trigger's list, %s", async (_name, body) => {
		hosts.home.handle = (_request, response) => sendJson(response, 200, body);
		const runner = new PollRunner({ parameters: { event: 'completed', downloadResult: false, options: {} }, credentials: credentialsOf(hosts.home) });

		const error = await runner.poll().then(() => undefined, (caught: unknown) => caught as Error);

		expect(error?.message).toBe('GET /videos answered without a list of videos');
	});
});
