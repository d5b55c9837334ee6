'use strict';
/*
 * The Download operation on its own: the JSON names the file and its size in bytes (n8n 1.x's
 * binary metadata has no `bytes`, only a human `fileSize`), the stored file holds the server's
 * bytes, and a body that breaks off before its Content-Length is an error, not a short file.
 */
const { itemsOf, nodeErrorOf, describeRun } = require('../n8n-cli');
const { loadTestWorkflow, prepare } = require('../lib/workflows');
const { CREDENTIAL, readBinaryFile } = require('../lib/context');

const ID = 'video_download';

module.exports = {
	title: 'Download',
	smoke: true,
	async run({ n8n, api, filesDir }, t) {
		const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, k) => k % 251));
		api.addVideo({ id: ID, status: 'completed' });
		api.setContent(ID, 'video', { body: bytes });
		const workflow = prepare(loadTestWorkflow('download.json'), { credential: CREDENTIAL, filesDir });
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);

		t.ok(run.ok, 'the execution succeeds', describeRun(run));
		const [item] = itemsOf(run.runData, 'Download MP4');
		t.equal(item?.json, { videoId: ID, variant: 'video', fileName: `${ID}.mp4`, mimeType: 'video/mp4', bytes: bytes.length }, 'the JSON names the file, its type and its size in bytes');
		const stored = readBinaryFile(n8n.n8nFolder, item?.binary?.data);
		t.ok(stored && Buffer.compare(stored, bytes) === 0, 'the stored file holds the server\'s bytes', stored && `${stored.length} bytes stored`);

		// Every try breaks off (the node fetches a broken download again, up to Max Retries = 3).
		for (let attempt = 0; attempt < 4; attempt++) {
			api.script({ method: 'GET', path: `/videos/${ID}/content` }, { truncate: true, body: bytes, headers: { 'content-type': 'video/mp4' } });
		}
		const broken = await n8n.execute(workflow.id);
		t.ok(!broken.ok && broken.status === 'error', 'a download that breaks off fails the execution', describeRun(broken));
		const error = nodeErrorOf(broken.runData, 'Download MP4') ?? broken.error;
		t.match(error?.message, /incomplete|broke off/, 'the error says the download is incomplete');
	},
};
