'use strict';
/*
 * n8n's Retry of a failed execution, as the editor's executions list calls it
 * (POST /rest/executions/:id/retry), around the workflow e2e/workflows/retry-execution.json:
 * Webhook (or Manual Trigger) → 3 prompts → Create (wait, download; Wait Timeout 6 s; On Error =
 * Stop Workflow) → Finished. Used by cases 23-retry-execution (regular mode) and 30-queue-mode.
 */
const { itemsOf } = require('../n8n-cli');
const { requestsOf, waitFor } = require('./context');

const WEBHOOK = 'e2e-retry-execution';
const SLOW_MS = 15_000;

/** The creates the fake API received for these prompts, by prompt. */
function createsOf(api, prompts) {
	const counts = Object.fromEntries(prompts.map((prompt) => [prompt, 0]));
	for (const request of requestsOf(api, 'POST', '/videos')) {
		if (request.json?.prompt in counts) counts[request.json.prompt]++;
	}
	return counts;
}

const total = (counts) => Object.values(counts).reduce((sum, count) => sum + count, 0);
const idOf = (api, prompt) => [...api.videos.values()].find((video) => video.prompt === prompt)?.id;

/** Waits for an execution of the workflow that is not in `seen` to end; its summary. */
async function nextFinished(server, workflowId, seen) {
	return waitFor(
		async () => {
			const ended = (await server.executions(workflowId)).filter(
				(execution) => !seen.has(execution.id) && ['success', 'error', 'crashed', 'canceled'].includes(execution.status),
			);
			return ended[0];
		},
		{ timeoutMs: 120_000, intervalMs: 500 },
	);
}

async function runByWebhook(server, workflowId, prompts) {
	const seen = new Set((await server.executions(workflowId)).map((execution) => execution.id));
	const post = () =>
		fetch(`${server.baseUrl}/webhook/${WEBHOOK}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompts }) });
	// n8n may answer before it has activated the published workflow: 404 until its webhook is registered.
	const response = await waitFor(async () => {
		const answer = await post();
		return answer.status === 404 ? undefined : answer;
	}, { timeoutMs: 120_000, intervalMs: 1000 });
	if (!response?.ok) throw new Error(`webhook: HTTP ${response?.status} ${await response?.text()}\n${server.readLog().slice(-2000)}`);
	return nextFinished(server, workflowId, seen);
}

/** "Execute workflow" in the editor, from the Manual Trigger. */
async function runFromEditor(server, workflowId) {
	const seen = new Set((await server.executions(workflowId)).map((execution) => execution.id));
	const { data: workflow } = await server.rest('GET', `/rest/workflows/${workflowId}`);
	await server.rest('POST', `/rest/workflows/${workflowId}/run`, { workflowData: workflow, triggerToStartFrom: { name: 'Start' } });
	return nextFinished(server, workflowId, seen);
}

/** The Retry button of the executions list; returns when the retried execution has ended. */
async function retry(server, executionId, loadWorkflow) {
	const { data } = await server.rest('POST', `/rest/executions/${executionId}/retry`, { loadWorkflow });
	return server.execution(data.id);
}

/**
 * One scenario: a run whose item 1 fails (slow job: timeout; or a job that fails for good), then
 * n8n's Retry. Checks and returns the creates per prompt.
 */
async function scenario(t, { api, server, workflowId }, { tag, start, loadWorkflow, failForGood = false }) {
	const prompts = start === 'manual' ? ['manual a', 'manual slow', 'manual c'] : [`${tag} a`, `${tag} ${failForGood ? 'bad' : 'slow'}`, `${tag} c`];
	const [, second] = prompts;
	api.jobPlansByPrompt = failForGood
		? { [second]: { outcome: 'failed', pollsUntilDone: 1, error: { code: 'internal_error', message: 'The render crashed' } } }
		: { [second]: { completeAfterMs: SLOW_MS } };
	const failed = start === 'manual' ? await runFromEditor(server, workflowId) : await runByWebhook(server, workflowId, prompts);
	const failedExecution = failed && (await server.execution(failed.id));
	const firstIds = prompts.map((prompt) => idOf(api, prompt));
	t.equal(failed?.status, 'error', `${tag}: the first execution (${start}) fails on item 1`, JSON.stringify(failedExecution?.data?.resultData?.error?.message));
	t.equal(total(createsOf(api, prompts)), 3, `${tag}: it created 3 jobs`, JSON.stringify(createsOf(api, prompts)));
	const description = String(failedExecution?.data?.resultData?.error?.description ?? '');
	t.match(description, /executions list/, `${tag}: its error says what n8n's Retry of this execution does`, description);

	if (failForGood) delete api.jobPlansByPrompt[second]; // the new job for item 1 finishes
	else await waitFor(() => api.videos.get(firstIds[1])?.status === 'completed', { timeoutMs: SLOW_MS + 30_000, intervalMs: 500 });

	const retried = failed && (await retry(server, failed.id, loadWorkflow));
	const finished = itemsOf(retried?.data?.resultData?.runData, 'Finished');
	const creates = createsOf(api, prompts);
	t.equal(retried?.mode, 'retry', `${tag}: n8n ran a retry (mode retry)`);
	t.equal(retried?.status, 'success', `${tag}: the Retry (loadWorkflow: ${loadWorkflow}) succeeds`, JSON.stringify(retried?.data?.resultData?.error?.message));
	t.equal(finished.length, 3, `${tag}: three finished items come out`);
	t.ok(finished.length === 3 && finished.every((item) => item.json.status === 'completed' && item.binary?.data), `${tag}: each with its file`);
	const expected = Object.fromEntries(prompts.map((prompt) => [prompt, prompt === second && failForGood ? 2 : 1]));
	t.equal(creates, expected, `${tag}: creates per prompt over the run and its Retry (${total(expected)} in all)`);
	const outIds = finished.map((item) => item.json.id);
	if (failForGood) t.equal([outIds[0], outIds[2]], [firstIds[0], firstIds[2]], `${tag}: items 0 and 2 are the jobs the failed run created`);
	else t.equal(outIds, firstIds, `${tag}: the three items are the jobs the failed run created`);
	return { prompts, creates };
}

module.exports = { scenario, runByWebhook, createsOf, total };
