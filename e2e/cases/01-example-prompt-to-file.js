'use strict';
/*
 * examples/1-prompt-to-mp4-file.json: Prompt -> Create (wait, download) -> Read/Write Files
 * from Disk writing the MP4.
 */
const fs = require('node:fs');
const path = require('node:path');
const { itemsOf, describeRun } = require('../n8n-cli');
const { loadExample, prepare, setParameter } = require('../lib/workflows');
const { CREDENTIAL, API_KEY, ORGANIZATION, PROJECT, requestsOf, readBinaryFile } = require('../lib/context');

module.exports = {
	title: 'example 1, prompt to MP4 file',
	smoke: true,
	async run({ n8n, api, filesDir }, t) {
		const workflow = prepare(loadExample('1-prompt-to-mp4-file.json'), { credential: CREDENTIAL, filesDir });
		setParameter(workflow, 'Create Video', 'options.pollInterval', 1); // the fake API's jobs take 2 polls
		api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 200 };
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);
		const wait = t;
		const download = wait;

		download.ok(run.ok, 'the execution succeeds', describeRun(run));

		const [create] = requestsOf(api, 'POST', '/videos');
		t.ok(create, 'POST /videos reached the fake API');
		t.equal(create?.headers.authorization, `Bearer ${API_KEY}`, 'the key travels as Authorization: Bearer');
		t.equal(
			[create?.headers['openai-organization'], create?.headers['openai-project']],
			[ORGANIZATION, PROJECT],
			'OpenAI-Organization and OpenAI-Project headers are sent',
		);
		t.includes(
			create?.json,
			{ prompt: workflow.nodes[1].parameters.assignments.assignments[0].value, model: 'sora-2', seconds: '8', size: '1280x720' },
			'the body holds the prompt from the Set node, model, seconds and size',
		);
		t.equal(
			Object.keys(create?.json ?? {}).filter((key) => !['prompt', 'model', 'seconds', 'size'].includes(key)),
			[],
			'no parameter of the node leaks into the body (waitForCompletion, options...)',
		);

		const id = api.videos.keys().next().value;
		wait.ok(requestsOf(api, 'GET', `/videos/${id}`).length >= 2, `the node polls GET /videos/${id} until the job is done`);
		const [video] = itemsOf(run.runData, 'Create Video');
		wait.includes(video?.json, { id, object: 'video', status: 'completed', progress: 100 }, 'the output item is the finished video object');

		const contentRequests = requestsOf(api, 'GET', `/videos/${id}/content`);
		download.equal(contentRequests.map((request) => request.query.variant ?? 'video'), ['video'], 'the MP4 is downloaded once after the wait');
		const binary = video?.binary?.data;
		download.includes(binary, { mimeType: 'video/mp4', fileName: `${id}.mp4`, fileExtension: 'mp4' }, 'the item carries the MP4 as binary "data"');
		download.match(binary?.id, /^filesystem/, 'n8n stored the MP4 in its filesystem binary store');
		download.equal(readBinaryFile(n8n.n8nFolder, binary)?.toString(), `fake-mp4:${id}`, 'the stored binary file holds the bytes the API sent');

		const written = path.join(filesDir, `${id}.mp4`);
		const [saved] = itemsOf(run.runData, 'Save MP4');
		download.equal(saved?.json?.fileName, written, 'Read/Write Files from Disk reports the file it wrote');
		download.equal(fs.existsSync(written) ? fs.readFileSync(written, 'utf8') : undefined, `fake-mp4:${id}`, 'the MP4 file on disk holds the video');
	},
};
