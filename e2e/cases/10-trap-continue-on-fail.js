'use strict';
/*
 * Trap 1 of issue 6: with "Continue On Fail" (onError: continueRegularOutput), n8n replaces the
 * JSON of an output item that carries an item-level `error` with {error: message}. A failed
 * video job must still hand on its video object (id, status, the API's error) to the next node.
 */
const { itemsOf, describeRun } = require('../n8n-cli');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { CREDENTIAL, requestsOf } = require('../lib/context');

const JOB_ERROR = { code: 'moderation_blocked', message: 'Your request was blocked by our moderation system.' };

module.exports = {
	title: 'trap: Continue On Fail keeps the failed video',
	async run({ n8n, api, filesDir }, t) {
		const workflow = prepare(loadTestWorkflow('continue-on-fail.json'), { credential: CREDENTIAL, filesDir });
		api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 200, outcome: 'failed', error: JOB_ERROR };
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);
		const wait = t;

		t.ok(run.ok, 'the execution goes on past the failed item', describeRun(run));
		t.equal(requestsOf(api, 'POST', '/videos').length, 1, 'one job is created');
		const id = api.videos.keys().next().value;
		const [created] = itemsOf(run.runData, 'Create Video');
		const [next] = itemsOf(run.runData, 'Next Step');
		wait.ok(requestsOf(api, 'GET', `/videos/${id}`).length >= 2, 'the node waits until the job has failed');
		wait.includes(
			created?.json,
			{ id, object: 'video', status: 'failed', error: { ...JOB_ERROR, job_id: id } },
			'the failed item keeps the video object with the API\'s error (not just {error: message})',
		);
		wait.includes(next?.json, { id, status: 'failed' }, 'the next node receives the video object');
		wait.ok(
			!created || !('binary' in created) || !created.binary?.data,
			'a failed job has no file attached and none is downloaded',
			JSON.stringify(created?.binary),
		);
		wait.equal(requestsOf(api, 'GET', /\/content$/).length, 0, 'no download is attempted for a failed job');
	},
};
