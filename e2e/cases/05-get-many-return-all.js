'use strict';
/*
 * Get Many with Return All: 250 videos on the server come back as 250 items, in the server's
 * order, fetched page by page (100 per page, `after` = the last id of the page before).
 */
const { itemsOf, describeRun } = require('../n8n-cli');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { CREDENTIAL, requestsOf } = require('../lib/context');

const VIDEOS = 250;

module.exports = {
	title: 'Get Many, Return All',
	smoke: true,
	async run({ n8n, api, filesDir }, t) {
		for (let i = 0; i < VIDEOS; i++) api.addVideo({ id: `video_all_${String(i).padStart(3, '0')}` });
		const expected = [...api.videos.keys()];
		const workflow = prepare(loadTestWorkflow('get-many-return-all.json'), { credential: CREDENTIAL, filesDir });
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);

		t.ok(run.ok, 'the execution succeeds', describeRun(run));
		const ids = itemsOf(run.runData, 'List All Videos').map((item) => item.json.id);
		t.equal(ids.length, VIDEOS, `one item per video (${VIDEOS})`);
		t.equal([...ids].sort(), [...expected].sort(), 'every video exactly once');
		const pages = requestsOf(api, 'GET', '/videos');
		t.equal(pages.length, 3, 'three pages of at most 100');
		t.equal(pages.slice(1).map((page) => page.query.after), [ids[99], ids[199]], 'each page starts after the last id of the page before');
	},
};
