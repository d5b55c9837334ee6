'use strict';
/*
 * The credential dialog's test, through n8n's REST API as the editor calls it
 * (POST /rest/credentials/test): n8n finds the nodes' `testedBy` function (the credential has no
 * `test` request, which would take precedence) and runs it in its own credential-test context.
 * A correct key passes on every server profile of the fake; a wrong one shows the server's words.
 */
const path = require('node:path');

const { startN8nServer } = require('../n8n-server');
const { startFakeApi } = require('../lib/servers');
const { API_KEY, WRONG_KEY } = require('../lib/context');

const PROFILES = [
	['openai', {}],
	['litellm', {}],
	['azure', { authHeader: 'apiKey' }],
	['newapi', {}],
	['vllm', {}],
	['sglang', {}],
	['aquiles', {}],
	['relay', {}],
];

module.exports = {
	title: 'credential test in n8n',
	async run(ctx, t) {
		const server = await startN8nServer(ctx.n8n, { logFile: path.join(ctx.runDir, 'n8n-start-credential-test.log') });
		ctx.cleanups.push(() => server.stop());
		await server.setupOwner();
		const test = async (data) =>
			(await server.rest('POST', '/rest/credentials/test', { credentials: { id: '', name: 'test', type: 'openAiVideosApi', data } })).data;

		for (const [profile, extra] of PROFILES) {
			const api = await startFakeApi({ apiKey: API_KEY, profile });
			ctx.cleanups.push(() => api.close());
			const data = { apiKey: API_KEY, baseUrl: api.baseUrl, authHeader: 'bearer', organizationId: '', projectId: '', ...extra };
			t.equal(await test(data), { status: 'OK', message: 'Connection successful' }, `${profile}: a correct key passes`);
			const wrong = await test({ ...data, apiKey: WRONG_KEY });
			t.match(wrong?.message, /^The server rejected the API key \((401|403)\): \S/, `${profile}: a wrong key fails with the server's words`);
			t.ok(wrong?.status === 'Error' && !wrong.message.includes(WRONG_KEY), `${profile}: ...without the key in the message`, wrong?.message);
		}
		const bad = await test({ apiKey: API_KEY, baseUrl: 'ftp://127.0.0.1/v1', authHeader: 'bearer' });
		t.match(bad?.message, /Base URL "ftp:\/\/127\.0\.0\.1\/v1" uses ftp/, 'a Base URL that is not http(s) is named in the message');
	},
};
