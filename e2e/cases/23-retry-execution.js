'use strict';
/*
 * Issue 20 in a real `n8n start`: n8n's Retry of a failed execution, called as the editor's
 * executions list calls it (POST /rest/executions/:id/retry, {loadWorkflow: false} = "Retry with
 * original workflow", true = "with currently saved workflow"), resumes the jobs the failed
 * execution created instead of paying for them again.
 *
 * A published workflow: Webhook → 3 prompts → Create (wait, download; Wait Timeout 6 s; On Error
 * = Stop Workflow, n8n's default) → Finished. The second prompt's job is slow (15 s), so the run
 * fails on item 1 after the two others finished; once that job is done, the Retry must finish all
 * three with the jobs the failed run created: 3 creates in all. A job that failed for good cannot
 * finish: its item gets one new job in the Retry, the others none (4 creates). The same from the
 * editor's "Execute workflow" (mode manual). And a new execution with the same prompts is not a
 * retry: it pays for new jobs.
 */
const path = require('node:path');
const { startN8nServer } = require('../n8n-server');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { CREDENTIAL } = require('../lib/context');
const { scenario, runByWebhook, createsOf, total } = require('../lib/retry-scenario');

module.exports = {
	title: 'n8n\'s Retry of a failed execution resumes the jobs it created',
	async run(ctx, t) {
		const { n8n, api, filesDir, note } = ctx;
		const workflow = prepare(loadTestWorkflow('retry-execution.json'), { credential: CREDENTIAL, filesDir });
		await n8n.importWorkflow(workflow);
		await n8n.publishWorkflow(workflow.id);
		api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 200 };
		const server = await startN8nServer(n8n, { logFile: path.join(ctx.runDir, 'n8n-start-retry.log') });
		ctx.cleanups.push(() => server.stop());
		try {
			await server.setupOwner();
			const env = { api, server, workflowId: workflow.id };
			const measured = [];
			const original = await scenario(t, env, { tag: 'original', start: 'webhook', loadWorkflow: false });
			measured.push(['webhook, item 1 timed out, Retry with original workflow', original.creates]);
			const current = await scenario(t, env, { tag: 'current', start: 'webhook', loadWorkflow: true });
			measured.push(['webhook, item 1 timed out, Retry with current workflow', current.creates]);
			const failed = await scenario(t, env, { tag: 'failed', start: 'webhook', loadWorkflow: false, failForGood: true });
			measured.push(['webhook, item 1 job failed for good, Retry with original workflow', failed.creates]);
			const manual = await scenario(t, env, { tag: 'manual', start: 'manual', loadWorkflow: false });
			measured.push(['editor (manual), item 1 timed out, Retry with original workflow', manual.creates]);

			// Not a retry: a new execution with the same prompts starts new jobs.
			api.jobPlansByPrompt = {};
			const before = total(createsOf(api, original.prompts));
			const again = await runByWebhook(server, workflow.id, original.prompts);
			t.equal(again?.status, 'success', 'a new execution with the same prompts runs');
			t.equal(total(createsOf(api, original.prompts)) - before, 3, 'and pays for 3 new jobs: nothing is reused outside a retry');
			for (const [label, creates] of measured) note(`creates: ${label}: ${total(creates)} ${JSON.stringify(creates)}`);
		} finally {
			await server.stop();
		}
	},
};
