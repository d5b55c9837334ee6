/** Many items, one failure: nothing paid for is lost, whatever On Error says (issue 9). */
import { useFakeApi } from '../harness/fixtures';
import { createParameters, idOfPrompt, jobsByPrompt, prompts } from './helpers';

const fake = useFakeApi();
const failSecond = () => {
	fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
	fake.api.jobPlansByPrompt = { b: { outcome: 'failed', error: { code: 'moderation_blocked', message: 'Blocked by moderation' } } };
};

describe('a run of three items whose second job fails', () => {
	test('On Error = stop: the node error names every job this run created, with its status', async () => {
		failSecond();
		const { error, items } = await fake.run({ parameters: createParameters(), items: prompts('a', 'b', 'c') });

		expect(items).toEqual([]);
		expect(error?.message).toBe(`Video job ${idOfPrompt(fake.api, 'b')} failed (moderation_blocked): Blocked by moderation (item 1)`);
		for (const [index, prompt] of ['a', 'b', 'c'].entries()) {
			expect(error?.description).toContain(`item ${index} → ${idOfPrompt(fake.api, prompt)} (`);
		}
		expect(error?.description).toContain('(failed)');
	});

	test('On Error = stop: once an item failed for good, no further job is started', async () => {
		failSecond();
		fake.api.jobPlansByPrompt = { a: { outcome: 'failed', error: { code: 'moderation_blocked', message: 'Blocked' } } };
		const { error } = await fake.run({ parameters: createParameters({ options: { maxParallelJobs: 1 } }), items: prompts('a', 'b', 'c') });

		expect(jobsByPrompt(fake.api)).toEqual({ a: 1 });
		expect(error?.description).toContain('Not started after the failure: items 1, 2.');
	});

	test('Continue (regular output): every item comes out, finished ones with their file, the failed one with its video object', async () => {
		failSecond();
		const { error, items } = await fake.run({
			parameters: createParameters(),
			items: prompts('a', 'b', 'c'),
			settings: { onError: 'continueRegularOutput' },
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.status)).toEqual(['completed', 'failed', 'completed']);
		expect(items[0].binary?.data).toBeDefined();
		expect(items[2].binary?.data).toBeDefined();
		expect(items[1].json).toMatchObject({
			id: idOfPrompt(fake.api, 'b'),
			error: { code: 'moderation_blocked', job_id: idOfPrompt(fake.api, 'b') },
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('Continue (using error output): finished items go to the success output, the failed one to the error output with its job ID', async () => {
		failSecond();
		const { error, items, errorItems } = await fake.run({
			parameters: createParameters(),
			items: prompts('a', 'b', 'c'),
			settings: { onError: 'continueErrorOutput' },
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.prompt)).toEqual(['a', 'c']);
		expect(items.every((item) => item.binary?.data)).toBe(true);
		expect(errorItems).toHaveLength(1);
		expect(errorItems[0].json).toMatchObject({
			error: { job_id: idOfPrompt(fake.api, 'b'), code: 'moderation_blocked' },
			details: { id: idOfPrompt(fake.api, 'b'), status: 'failed' },
		});
		expect(String(errorItems[0].json.message)).toContain(idOfPrompt(fake.api, 'b'));
	});
});

describe('bad input of any item is found before any paid request', () => {
	test('the third prompt resolves to empty: nothing is sent at all', async () => {
		const { error } = await fake.run({ parameters: createParameters(), items: prompts('a', 'b', '') });

		expect(error?.message).toBe('The prompt is empty');
		expect(fake.api.requests).toHaveLength(0);
	});

	test('a bad option of one item (Wait Timeout by expression) stops the run before any request', async () => {
		const { error } = await fake.run({
			parameters: createParameters({ options: { waitTimeout: '={{ $json.prompt === "b" ? "soon" : 60 }}' } }),
			items: prompts('a', 'b'),
		});

		expect(error?.message).toBe('The option "Wait Timeout" must be a number from 1 to 7200');
		expect(fake.api.requests).toHaveLength(0);
	});

	test('with Continue, the bad item becomes an error item and the others run', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
		const { error, items } = await fake.run({
			parameters: createParameters({ downloadResult: false }),
			items: prompts('a', '', 'c'),
			settings: { onError: 'continueRegularOutput' },
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.status ?? item.json.error)).toEqual(['completed', 'The prompt is empty', 'completed']);
		expect(jobsByPrompt(fake.api)).toEqual({ a: 1, c: 1 });
	});
});
