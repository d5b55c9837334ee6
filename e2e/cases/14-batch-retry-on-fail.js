'use strict';
/*
 * Issue 9 in a real n8n: n8n's own Retry On Fail (3 tries) re-runs the node after a status poll
 * failed. Each item's job was created once: the re-run resumes waiting for it and downloads it.
 */
const { itemsOf, describeRun } = require('../n8n-cli');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { CREDENTIAL, requestsOf } = require('../lib/context');

module.exports = {
	title: 'batch: Retry On Fail resumes the jobs instead of paying again',
	async run({ n8n, api, filesDir }, t) {
		const workflow = prepare(loadTestWorkflow('retry-on-fail.json'), { credential: CREDENTIAL, filesDir });
		api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 200 };
		// The first status checks fail (the shared list page and each job's own GET alike).
		for (let n = 0; n < 2; n++) api.script({ method: 'GET', path: /^\/videos(\/video_\d+)?$/ }, { status: 500, json: { error: { message: 'poll broke' } } });
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);

		t.ok(run.ok, 'the execution succeeds after n8n retried the node', describeRun(run));
		t.equal(requestsOf(api, 'POST', '/videos').length, 3, 'exactly one create per item across all tries');
		t.equal(api.videos.size, 3, 'three paid jobs');
		const finished = itemsOf(run.runData, 'Finished');
		t.equal(finished.length, 3, 'three items come out');
		t.ok(finished.every((item) => item.json.status === 'completed' && item.binary?.data), 'each finished, with its file');
	},
};
