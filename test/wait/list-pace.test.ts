/**
 * Issue 21, point 1: several jobs checked by one `GET /videos` page wait at the server's pace. Each
 * job keeps the last poll hint the server gave for it (create and status answers; list answers
 * carry none, as with OpenAI), and a list check comes after the smallest of them, never closer
 * than 0.5 s; without any hint, at the Poll Interval. How soon the batch ends after its jobs is a
 * benchmark figure (`npm run bench:n8n`, (b)), not asserted here.
 */
import type { INodeParameters } from 'n8n-workflow';

import { listPaceMs } from '../../nodes/OpenAiVideos/jobs/watcher';
import type { RecordedRequest } from '../harness/fake-api';
import { useFakeApi } from '../harness/fixtures';

const fake = useFakeApi();
const ITEMS = 5;
const items = Array.from({ length: ITEMS }, (_, n) => ({ json: { n } }));
const create = (options: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'create',
	prompt: '={{ "scene " + $json.n }}',
	downloadResult: false,
	options: { ...options },
});
const listChecks = (): RecordedRequest[] => fake.api.requests.filter((request) => request.method === 'GET' && request.path === '/videos');
const ownChecks = (): RecordedRequest[] => fake.api.requests.filter((request) => request.method === 'GET' && /^\/videos\/[^/]+$/.test(request.path));
const gapsOf = (requests: RecordedRequest[]): number[] => requests.slice(1).map((request, index) => request.receivedAt - requests[index].receivedAt);

describe('the pace of the shared list check', () => {
	test('the smallest hint among the waiting jobs, undefined ones left out', () => {
		expect(listPaceMs([3_000, undefined, 1_000, 2_000], 10_000)).toBe(1_000);
	});

	test('the Poll Interval when no waiting job has a hint', () => {
		expect(listPaceMs([undefined, undefined], 7_000)).toBe(7_000);
		expect(listPaceMs([], 7_000)).toBe(7_000);
	});

	test('never closer than 0.5 s, whatever the hint or the interval', () => {
		expect(listPaceMs([1, 40], 10_000)).toBe(500);
		expect(listPaceMs([undefined], 100)).toBe(500);
	});
});

describe('several jobs wait at the pace of their hints, not at the Poll Interval', () => {
	test('with the defaults (Poll Interval 10 s), five jobs hinted 0.6 s end well inside a 5 s Wait Timeout, checked by list pages', async () => {
		// The list answers carry no hint: at the Poll Interval, the second list check would come ~10 s in.
		fake.api.jobPlan = { completeAfterMs: 2_000, pollAfterMs: 600 };

		const result = await fake.run({ parameters: create({ waitTimeout: 5 }), items });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.status)).toEqual(Array(ITEMS).fill('completed'));
		const lists = listChecks();
		expect(lists.length).toBeGreaterThanOrEqual(2);
		// Bounded: one list page per hint at most, for all five jobs together; a job checks on its own
		// only when it is the last one waiting.
		expect(Math.min(...gapsOf(lists))).toBeGreaterThanOrEqual(590);
		const firstCreate = fake.api.requests.find((request) => request.method === 'POST')!;
		expect(lists.length).toBeLessThanOrEqual(Math.floor((lists[lists.length - 1].receivedAt - firstCreate.receivedAt) / 600) + 1);
		expect(ownChecks().length).toBeLessThan(lists.length);
	});

	test('jobs with different hints: the list comes after the smallest, and a job keeps its hint while list answers give none', async () => {
		fake.api.jobPlan = { completeAfterMs: 2_500, pollAfterMs: 3_000 };
		fake.api.jobPlansByPrompt = { 'scene 0': { completeAfterMs: 2_500, pollAfterMs: 700 } };

		const result = await fake.run({ parameters: create({ waitTimeout: 6 }), items });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.status)).toEqual(Array(ITEMS).fill('completed'));
		const lists = listChecks();
		// At the 3 s hint the jobs, done at 2.5 s, would be seen only by a check at 6 s or later.
		expect(lists.length).toBeGreaterThanOrEqual(3);
		// A job that comes due just after a page takes that page: list checks never closer than 0.5 s.
		expect(Math.min(...gapsOf(lists))).toBeGreaterThanOrEqual(490);
	});

	test('without any hint the list is checked at the Poll Interval', async () => {
		fake.api.jobPlan = { completeAfterMs: 1_500 };

		const result = await fake.run({ parameters: create({ pollInterval: 1, waitTimeout: 10 }), items });

		expect(result.error).toBeUndefined();
		const lists = listChecks();
		expect(lists.length).toBeGreaterThanOrEqual(1);
		if (lists.length > 1) expect(Math.min(...gapsOf(lists))).toBeGreaterThanOrEqual(990);
	});
});
