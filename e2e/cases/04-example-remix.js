'use strict';
/* examples/4-remix-finished-video.json: Remix a finished video (wait, download) -> save the MP4. */
const fs = require('node:fs');
const path = require('node:path');
const { itemsOf, describeRun } = require('../n8n-cli');
const { loadExample, prepare, setParameter } = require('../lib/workflows');
const { CREDENTIAL, API_KEY, requestsOf, readBinaryFile } = require('../lib/context');

module.exports = {
	title: 'example 4, remix a finished video',
	async run({ n8n, api, filesDir }, t) {
		const source = api.addVideo({ id: 'video_source_e2e', status: 'completed', seconds: '8', size: '1280x720' });
		const workflow = prepare(loadExample('4-remix-finished-video.json'), { credential: CREDENTIAL, filesDir });
		const assignments = workflow.nodes.find((node) => node.name === 'Source Video').parameters.assignments.assignments;
		assignments.find((entry) => entry.name === 'videoId').value = source.id;
		const prompt = assignments.find((entry) => entry.name === 'prompt').value;
		setParameter(workflow, 'Remix', 'options.pollInterval', 1);
		api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 200 };
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);
		const wait = t;
		const download = wait;

		download.ok(run.ok, 'the execution succeeds', describeRun(run));
		const [remix] = requestsOf(api, 'POST', `/videos/${source.id}/remix`);
		t.ok(remix, `POST /videos/${source.id}/remix reached the fake API`);
		t.equal(remix?.headers.authorization, `Bearer ${API_KEY}`, 'the remix carries the key');
		t.equal(remix?.json, { prompt }, 'the body is the new prompt only');

		const id = [...api.videos.keys()].find((key) => key !== source.id);
		const [video] = itemsOf(run.runData, 'Remix');
		wait.includes(video?.json, { id, status: 'completed', remixed_from_video_id: source.id }, 'the output is the finished remix');
		download.equal(requestsOf(api, 'GET', `/videos/${id}/content`).length, 1, 'the remix is downloaded once');
		download.equal(readBinaryFile(n8n.n8nFolder, video?.binary?.data)?.toString(), `fake-mp4:${id}`, 'n8n stored the remix MP4');
		const written = path.join(filesDir, `${id}.mp4`);
		download.equal(fs.existsSync(written) ? fs.readFileSync(written, 'utf8') : undefined, `fake-mp4:${id}`, 'the remix is saved to disk');
	},
};
