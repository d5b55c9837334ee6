/**
 * Max Paid Jobs per Run (issue 20): a runaway input (a Split Out over the wrong field, a loop wired
 * back) stops before it pays; with Continue, the items beyond the cap become error items.
 */
import type { INodeParameters } from 'n8n-workflow';

import { useFakeApi } from '../harness/fixtures';
import { runAgainInSameExecution } from '../harness/retry-execution';
import { openAiVideosTool, TOOL_TYPE } from '../harness/tool-variant';
import { createParameters, createsByPrompt, prompts } from './helpers';

const fake = useFakeApi();
const noWait = (options: INodeParameters = {}) => createParameters({ waitForCompletion: false, options });
const many = (count: number) => prompts(...Array.from({ length: count }, (_, n) => `p${n}`));
const paid = () => fake.api.requests.filter((request) => request.method === 'POST').length;

beforeEach(() => {
	fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
});

test('150 items with the default cap (100): the node fails before any request, naming the items, the cap and the option', async () => {
	const { error, items } = await fake.run({ parameters: noWait(), items: many(150) });

	expect(fake.api.requests).toHaveLength(0);
	expect(items).toHaveLength(0);
	expect(error?.message).toBe('150 items would start 150 paid jobs, more than Max Paid Jobs per Run (100)');
	expect(error?.description).toMatch(/Nothing was sent/);
	expect(error?.description).toMatch(/0 for no cap/);
});

test('the cap raised to 150: the 150 items run, 150 paid jobs', async () => {
	const { error, items } = await fake.run({ parameters: noWait({ maxPaidJobs: 150 }), items: many(150) });

	expect(error).toBeUndefined();
	expect(items).toHaveLength(150);
	expect(paid()).toBe(150);
});

test.each([0, ''])('Max Paid Jobs per Run = %p: no cap', async (maxPaidJobs) => {
	const { error } = await fake.run({ parameters: noWait({ maxPaidJobs }), items: many(101) });

	expect(error).toBeUndefined();
	expect(paid()).toBe(101);
});

test('Continue (regular output): the items beyond the cap become error items, the others run', async () => {
	const { error, items } = await fake.run({ parameters: noWait({ maxPaidJobs: 2 }), items: many(4), settings: { onError: 'continueRegularOutput' } });

	expect(error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ p0: 1, p1: 1 });
	expect(items.map((item) => item.json.status ?? item.json.error)).toEqual([
		'queued',
		'queued',
		'Not started: 4 items would start 4 paid jobs, more than Max Paid Jobs per Run (2)',
		'Not started: 4 items would start 4 paid jobs, more than Max Paid Jobs per Run (2)',
	]);
});

test('Continue (using error output): the items beyond the cap go to the error output', async () => {
	const { error, items, errorItems } = await fake.run({ parameters: noWait({ maxPaidJobs: 3 }), items: many(5), settings: { onError: 'continueErrorOutput' } });

	expect(error).toBeUndefined();
	expect(paid()).toBe(3);
	expect(items).toHaveLength(3);
	expect(errorItems.map((item) => item.pairedItem)).toEqual([{ item: 3 }, { item: 4 }]);
	expect(String(errorItems[0].json.error)).toMatch(/Max Paid Jobs per Run \(3\)/);
});

test.each([
	['text', 'many'],
	['NaN', '={{ NaN }}'],
	['a negative number', -1],
	['a fraction', 2.5],
	['an absurd value', 1e12],
])('Max Paid Jobs per Run as %s: a clear error naming it, nothing sent', async (_label, maxPaidJobs) => {
	const { error } = await fake.run({ parameters: noWait({ maxPaidJobs }), items: many(2) });

	expect(error?.message).toMatch(/Max Paid Jobs per Run/);
	expect(fake.api.requests).toHaveLength(0);
});

test('Remix, Edit, Extend and Character → Create have the cap too', async () => {
	const remix = { resource: 'video', operation: 'remix', videoId: 'video_x', prompt: '={{ $json.prompt }}', waitForCompletion: false, options: { maxPaidJobs: 1 } };
	const { error } = await fake.run({ parameters: remix, items: many(2) });

	expect(error?.message).toBe('2 items would start 2 paid jobs, more than Max Paid Jobs per Run (1)');
	expect(fake.api.requests).toHaveLength(0);
});

test('Retry On Fail beside it: the cap counts new jobs; a re-run that resumes the run\'s jobs is not stopped by it', async () => {
	fake.api.script({ method: 'GET', path: /^\/videos\/video_\d+\/content$/ }, { status: 503, json: { error: { message: 'storage down' } } });
	const { error, items } = await fake.run({
		parameters: createParameters({ options: { maxPaidJobs: 2 } }),
		items: prompts('a', 'b'),
		settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
	});

	expect(error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1 });
	expect(items.every((item) => item.binary?.data)).toBe(true);
});

test('as an AI Agent tool: the cap counts the tool\'s calls within one execution', async () => {
	const tool = { nodeType: openAiVideosTool(), typeName: TOOL_TYPE };
	const first = await fake.run({ ...tool, parameters: noWait({ maxPaidJobs: 2 }), items: prompts('a') });
	const second = await runAgainInSameExecution(first, prompts('b'));
	const third = await runAgainInSameExecution(second, prompts('c'));

	expect([first.error, second.error]).toEqual([undefined, undefined]);
	expect(third.error?.message).toBe('This execution\'s tool calls would start 3 paid jobs, more than Max Paid Jobs per Run (2)');
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1 });
	// A new execution counts from zero.
	expect((await fake.run({ ...tool, parameters: noWait({ maxPaidJobs: 2 }), items: prompts('d') })).error).toBeUndefined();
});
