'use strict';
/*
 * Trap 3 of issue 6: n8n's HTTP layer re-sends the credential's headers when a redirect leads to
 * another origin, unless the request says not to. Servers may answer /content with a redirect
 * to a signed storage URL elsewhere; the API key must not travel there.
 */
const { itemsOf, describeRun } = require('../n8n-cli');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { CREDENTIAL, API_KEY, requestsOf, readBinaryFile } = require('../lib/context');

module.exports = {
	title: 'trap: a /content redirect to another origin gets no credentials',
	async run({ n8n, api, assets, filesDir }, t) {
		const id = 'video_signed';
		api.addVideo({ id, status: 'completed' });
		const bytes = Buffer.from(`signed-storage-mp4:${id}`);
		assets.setFile(`${id}.mp4`, bytes, 'video/mp4');
		const location = `${assets.origin}/signed/${id}.mp4?sig=e2e`;
		api.script({ method: 'GET', path: `/videos/${id}/content` }, { status: 302, headers: { location } });
		const workflow = prepare(loadTestWorkflow('redirect.json'), { credential: CREDENTIAL, filesDir });
		await n8n.importWorkflow(workflow);
		const assetRequestsBefore = assets.requests.length;
		const run = await n8n.execute(workflow.id);

		t.ok(run.ok, 'the download succeeds through the redirect', describeRun(run));
		const [content] = requestsOf(api, 'GET', `/videos/${id}/content`);
		t.equal(content?.headers.authorization, `Bearer ${API_KEY}`, 'the API itself gets the key');
		const followed = assets.requests.slice(assetRequestsBefore).filter((request) => request.url.startsWith('/signed/'));
		t.equal(followed.length, 1, 'the redirect to the other origin is followed once');
		const headers = followed[0]?.headers ?? {};
		t.equal(headers.authorization, undefined, 'no Authorization header reaches the other origin');
		t.equal(
			['api-key', 'openai-organization', 'openai-project'].filter((name) => name in headers),
			[],
			'no other credential header (api-key, OpenAI-Organization, OpenAI-Project) reaches it',
		);
		const [item] = itemsOf(run.runData, 'Download MP4');
		t.includes(item?.binary?.data, { mimeType: 'video/mp4', fileName: `${id}.mp4` }, 'the item carries the MP4 from the storage host');
		t.match(item?.binary?.data?.id, /^filesystem/, 'n8n stored it in its filesystem binary store');
		t.equal(readBinaryFile(n8n.n8nFolder, item?.binary?.data)?.toString(), bytes.toString(), 'the stored bytes are the storage host\'s');
	},
};
