/**
 * n8n's Retry of a failed execution (issue 20): a new execution, mode `retry`, with the failed
 * one's data read back from the database (test/harness/retry-execution.ts). An item whose job the
 * failed execution created resumes that job; items without a job get one.
 */
import { useFakeApi } from '../harness/fixtures';
import { retryExecution } from '../harness/retry-execution';
import { createParameters, createsByPrompt, idOfPrompt, prompts } from './helpers';

const fake = useFakeApi();
const parameters = createParameters;
const contentPath = /^\/videos\/video_\d+\/content$/;

beforeEach(() => {
	fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
});

/** The first download(s) break (Max Retries 0): the run fails on that item (On Error = Stop Workflow), whichever it is. */
async function failOnADownload(options: Omit<Parameters<typeof fake.run>[0], 'parameters'>, times = 1) {
	for (let n = 0; n < times; n++) fake.api.script({ method: 'GET', path: contentPath }, { status: 503, json: { error: { message: 'storage down' } } });
	return await fake.run({ parameters: parameters(), ...options });
}

test('Stop Workflow: a download fails; the Retry waits for and downloads all three jobs the failed execution created, no new create', async () => {
	const failed = await failOnADownload({ items: prompts('a', 'b', 'c') });
	expect(failed.status).toBe('error');
	expect(failed.error?.description).toMatch(/Retry/);
	const ids = ['a', 'b', 'c'].map((prompt) => idOfPrompt(fake.api, prompt));

	const retried = await retryExecution(failed);

	expect(retried.run.mode).toBe('retry');
	expect(retried.error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1, c: 1 });
	expect(retried.items.map((item) => item.json.id)).toEqual(ids);
	expect(retried.items.every((item) => item.json.status === 'completed' && item.binary?.data)).toBe(true);
});

test('Retry with the current workflow (loadWorkflow): the same, the node as saved now', async () => {
	const failed = await failOnADownload({ items: prompts('a', 'b') });
	expect(failed.status).toBe('error');

	const retried = await retryExecution(failed, { currentParameters: parameters() });

	expect(retried.error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1 });
	expect(retried.items.map((item) => item.json.status)).toEqual(['completed', 'completed']);
});

test('a job that failed for good gets one new job in the Retry; the finished ones are not paid again', async () => {
	fake.api.jobPlansByPrompt = { b: { outcome: 'failed', error: { code: 'internal_error', message: 'The render crashed' } } };
	const failed = await fake.run({ parameters: parameters(), items: prompts('a', 'b', 'c') });
	expect(failed.status).toBe('error');
	fake.api.jobPlansByPrompt = {};

	const retried = await retryExecution(failed);

	expect(retried.error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 2, c: 1 });
	expect(retried.items.map((item) => item.json.status)).toEqual(['completed', 'completed', 'completed']);
});

test('items the failed run never started get their job in the Retry, once', async () => {
	fake.api.jobPlansByPrompt = { a: { outcome: 'failed', error: { code: 'internal_error', message: 'The render crashed' } } };
	const failed = await fake.run({ parameters: parameters({ options: { maxParallelJobs: 1 } }), items: prompts('a', 'b', 'c') });
	expect(failed.status).toBe('error');
	expect(createsByPrompt(fake.api)).toEqual({ a: 1 });
	fake.api.jobPlansByPrompt = {};

	const retried = await retryExecution(failed);

	expect(retried.error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 2, b: 1, c: 1 });
});

test('a create that ended without a clear answer is not sent again by the Retry either, and the error says so', async () => {
	fake.api.script({ method: 'POST', path: '/videos' }, { status: 500, json: { error: { message: 'upstream failed' } } });
	const failed = await fake.run({ parameters: parameters({ options: { maxParallelJobs: 1 } }), items: prompts('a', 'b') });
	expect(failed.status).toBe('error');

	const retried = await retryExecution(failed);

	// With Stop Workflow, a (the job may exist) stops the Retry again before b starts.
	expect(createsByPrompt(fake.api)).toEqual({ a: 1 });
	expect(retried.error?.message).toMatch(/the job may exist and is not sent again/);
});

test('Retry with the current workflow after the prompt changed: the changed item gets a new job, the others resume', async () => {
	const failed = await failOnADownload({ items: prompts('a', 'b') });
	expect(failed.status).toBe('error');

	const retried = await retryExecution(failed, { currentParameters: parameters({ prompt: '={{ $json.prompt === "b" ? "b, brighter" : $json.prompt }}' }) });

	expect(retried.error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1, 'b, brighter': 1 });
	expect(retried.items[0].json.id).toBe(idOfPrompt(fake.api, 'a'));
});

test('Retry On Fail beside it: n8n\'s tries within the failed execution and then its Retry, one create per item in all', async () => {
	// Enough broken downloads for both tries to fail, whichever items they hit; the rest is dropped before the Retry.
	const failed = await failOnADownload({ items: prompts('a', 'b', 'c'), settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } }, 6);
	expect(failed.status).toBe('error');
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1, c: 1 });
	fake.api.scripts.length = 0;

	const retried = await retryExecution(failed);

	expect(retried.error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1, c: 1 });
});

test('a Retry of a failed Retry still resumes the first execution\'s jobs', async () => {
	const failed = await failOnADownload({ items: prompts('a', 'b') });
	fake.api.script({ method: 'GET', path: contentPath }, { status: 503, json: { error: { message: 'storage down' } } });
	const retried = await retryExecution(failed);
	expect(retried.status).toBe('error');

	const again = await retryExecution(retried);

	expect(again.error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1 });
	expect(again.items.map((item) => item.binary?.data !== undefined)).toEqual([true, true]);
});

test('not a retry: a new execution with the same prompts pays for new jobs', async () => {
	const failed = await failOnADownload({ items: prompts('a', 'b') });
	expect(failed.status).toBe('error');

	const fresh = await fake.run({ parameters: createParameters(), items: prompts('a', 'b') });

	expect(fresh.error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 2, b: 2 });
});

test('two failed executions of one workflow: each Retry resumes its own jobs', async () => {
	const first = await failOnADownload({ items: prompts('a', 'b') });
	const firstJobs = [...fake.api.videos.values()];
	const second = await failOnADownload({ items: prompts('a', 'b') });
	const secondJobs = [...fake.api.videos.values()].filter((video) => !firstJobs.includes(video));
	const byPrompt = (videos: typeof firstJobs) => ['a', 'b'].map((prompt) => videos.find((video) => video.prompt === prompt)?.id);
	const [firstIds, secondIds] = [byPrompt(firstJobs), byPrompt(secondJobs)];

	const retriedSecond = await retryExecution(second);
	const retriedFirst = await retryExecution(first);

	expect(retriedSecond.items.map((item) => item.json.id)).toEqual(secondIds);
	expect(retriedFirst.items.map((item) => item.json.id)).toEqual(firstIds);
	expect(createsByPrompt(fake.api)).toEqual({ a: 2, b: 2 });
});

test('what the failed execution keeps for its Retry is small: job IDs and states, no prompt, no video object', async () => {
	const failed = await failOnADownload({ items: prompts('a secret prompt', 'b', 'c') });
	const context = JSON.stringify(failed.run.data.executionData?.contextData ?? {});

	expect(context).toContain(idOfPrompt(fake.api, 'b'));
	expect(context).not.toContain('a secret prompt');
	expect(context.length).toBeLessThan(3 * 200);
});

test.each([
	['a webhook execution of a workflow that saves no failed executions', 'webhook' as const, { saveDataErrorExecution: 'none' as const }, 'failed'],
	['a manual execution of a workflow that saves no manual executions', 'manual' as const, { saveManualExecutions: false }, 'manual'],
])('%s: the error says n8n cannot retry it and what to do instead', async (_label, mode, workflowSettings, kind) => {
	const failed = await failOnADownload({ items: prompts('a', 'b'), mode, workflowSettings });

	expect(failed.error?.description).toContain(`This workflow does not save ${kind} executions, so n8n cannot retry this one from the executions list`);
	expect(failed.error?.description).toContain('use On Error → Continue (using error output)');
});

test('the error of a saved execution says what Retry does', async () => {
	const failed = await failOnADownload({ items: prompts('a', 'b') });

	expect(failed.error?.description).toContain('so does Retry of this execution in the executions list (with the original or the current workflow), where an item whose job failed gets one new job');
});
