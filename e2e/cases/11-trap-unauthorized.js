'use strict';
/*
 * Trap 2 of issue 6: for a 401 n8n shows a generic "Authorization failed - please check your
 * credentials" and keeps the API's own text only in the description, unless the node passes the
 * message itself. The user must read the server's message.
 */
const { nodeErrorOf, describeRun } = require('../n8n-cli');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { WRONG_CREDENTIAL, WRONG_KEY, requestsOf } = require('../lib/context');

const SERVER_MESSAGE = 'Incorrect API key provided'; // fake-api/server.cjs

module.exports = {
	title: 'trap: a 401 shows the server\'s message',
	async run({ n8n, api, filesDir }, t) {
		const workflow = prepare(loadTestWorkflow('unauthorized.json'), { credential: WRONG_CREDENTIAL, filesDir });
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);

		const [list] = requestsOf(api, 'GET', '/videos');
		t.equal(list?.headers.authorization, `Bearer ${WRONG_KEY}`, 'the request carried the (wrong) key');
		t.ok(!run.ok && run.status === 'error', 'the execution fails', describeRun(run));
		const error = nodeErrorOf(run.runData, 'List Videos') ?? run.error;
		t.match(error?.message, new RegExp(SERVER_MESSAGE), 'the error message n8n shows holds the server\'s own text');
		t.ok(!/^Authorization failed/.test(error?.message ?? ''), 'the message is not n8n\'s generic "Authorization failed"', error?.message);
		t.equal(String(error?.httpCode ?? ''), '401', 'the error keeps the HTTP status 401');
		t.match(error?.description, /API key|credential/i, 'the description tells the user what to check');
	},
};
