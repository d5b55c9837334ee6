'use strict';
/*
 * Issue 9 in a real n8n: three items, the second job fails; with On Error = "Continue (using error
 * output)" the finished videos (with their files) go to the success output and the failed one to
 * the error output with its job ID and video object.
 */
const { itemsOf, describeRun } = require('../n8n-cli');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { CREDENTIAL, requestsOf } = require('../lib/context');

module.exports = {
	title: 'batch: a failed job goes to the error output, the others to the success output',
	async run({ n8n, api, filesDir }, t) {
		const workflow = prepare(loadTestWorkflow('error-output.json'), { credential: CREDENTIAL, filesDir });
		api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 200 };
		api.jobPlansByPrompt = { 'a blocked scene': { outcome: 'failed', error: { code: 'moderation_blocked', message: 'Blocked' } } };
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);

		t.ok(run.ok, 'the execution goes on', describeRun(run));
		t.equal(requestsOf(api, 'POST', '/videos').length, 3, 'one job per item');
		const failedId = [...api.videos.values()].find((video) => video.prompt === 'a blocked scene')?.id;
		const finished = itemsOf(run.runData, 'Finished');
		const failed = itemsOf(run.runData, 'Failed');
		t.equal(finished.length, 2, 'two finished videos on the success output');
		t.ok(finished.every((item) => item.json.status === 'completed' && item.binary?.data), 'each with its file', JSON.stringify(finished.map((item) => item.json.status)));
		t.equal(failed.length, 1, 'one item on the error output');
		t.includes(failed[0]?.json?.error, { job_id: failedId, code: 'moderation_blocked' }, 'the error item names the job');
		t.includes(failed[0]?.json?.details, { id: failedId, status: 'failed' }, 'and keeps its video object');
	},
};
