'use strict';
/*
 * examples/3a-pipeline-start-jobs.json: Schedule (+ "Run Now" manual trigger, which `n8n execute`
 * starts from) -> three prompts -> Create without waiting.
 * examples/3b-pipeline-save-finished.json: OpenAI Videos Trigger -> Download -> Read/Write Files
 * from Disk.
 *
 * `n8n execute` cannot run 3b: it starts a workflow only from a Manual Trigger or an Execute
 * Workflow Trigger ("Missing node to start execution"). So 3b runs as users run it: published,
 * in `n8n start`, where n8n polls the trigger on activation and then every minute. The suite
 * waits for the activation poll, finishes two of the three jobs (and fails the third) in the
 * fake API, and waits for the next minute's poll to download and save both videos.
 */
const fs = require('node:fs');
const path = require('node:path');
const { itemsOf, describeRun } = require('../n8n-cli');
const { startN8nServer } = require('../n8n-server');
const { loadExample, prepare } = require('../lib/workflows');
const { CREDENTIAL, API_KEY, requestsOf, readBinaryFile, waitFor } = require('../lib/context');

module.exports = {
	title: 'example 3, scheduled pipeline and trigger',
	smoke: true,
	async run(ctx, t) {
		const { n8n, api, filesDir } = ctx;
		const start = prepare(loadExample('3a-pipeline-start-jobs.json'), { credential: CREDENTIAL, filesDir });
		await n8n.importWorkflow(start);
		const run = await n8n.execute(start.id);
		t.ok(run.ok, 'the scheduled workflow succeeds (run through its "Run Now" manual trigger)', describeRun(run));

		const prompts = itemsOf(run.runData, 'One Item Per Prompt').map((item) => item.json.prompt);
		const creates = requestsOf(api, 'POST', '/videos');
		t.equal(prompts.length, 3, 'three prompts become three items');
		t.equal(creates.map((request) => request.json?.prompt).sort(), [...prompts].sort(), 'one POST /videos per prompt');
		t.ok(creates.every((request) => request.headers.authorization === `Bearer ${API_KEY}`), 'every create carries the key');
		const jobs = itemsOf(run.runData, 'Start Video Job').map((item) => item.json);
		t.equal(jobs.map((job) => job.status), ['queued', 'queued', 'queued'], 'Create without waiting outputs the queued jobs');
		t.equal(requestsOf(api, 'GET', /^\/videos\/[^/]+$/).length, 0, 'nothing is polled when waitForCompletion is off');

		const trigger = t;
		const save = prepare(loadExample('3b-pipeline-save-finished.json'), { credential: CREDENTIAL, filesDir });
		await n8n.importWorkflow(save);
		await n8n.publishWorkflow(save.id);
		const listsBefore = requestsOf(api, 'GET', '/videos').length;
		const server = await startN8nServer(n8n, { logFile: path.join(ctx.runDir, 'n8n-start-trigger.log') });
		ctx.cleanups.push(() => server.stop());
		try {
			const activated = await waitFor(() => requestsOf(api, 'GET', '/videos').length > listsBefore, { timeoutMs: 60_000 });
			trigger.ok(activated, 'n8n polls the trigger when it activates the published workflow', server.readLog().slice(-2000));
			if (!activated) return;
			const list = requestsOf(api, 'GET', '/videos').at(-1);
			trigger.equal(list.headers.authorization, `Bearer ${API_KEY}`, 'the trigger lists videos with the key');
			await new Promise((resolve) => setTimeout(resolve, 1000)); // let the activation poll settle

			const [first, second, third] = jobs.map((job) => job.id);
			api.setStatus(first, 'completed');
			api.setStatus(second, 'completed');
			api.setStatus(third, 'failed', { error: { code: 'moderation_blocked', message: 'Blocked by moderation.' } });
			const expected = [first, second].map((id) => path.join(filesDir, `${id}.mp4`));
			ctx.note('waiting for the trigger\'s next poll (n8n polls at the start of each minute)...');
			const written = await waitFor(() => expected.every((file) => fs.existsSync(file)), { timeoutMs: 150_000, intervalMs: 500 });
			trigger.ok(written, 'the next poll saves both finished videos to disk', `files written: ${fs.readdirSync(filesDir).join(', ') || 'none'}; n8n log: ${server.readLog().slice(-1500)}`);
			trigger.equal(
				expected.map((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined)),
				[`fake-mp4:${first}`, `fake-mp4:${second}`],
				'the saved files hold the MP4s',
			);
			trigger.equal(
				requestsOf(api, 'GET', /\/content$/).map((request) => request.path).sort(),
				[`/videos/${first}/content`, `/videos/${second}/content`].sort(),
				'only the completed videos are downloaded, each once (the failed one is not)',
			);

			await server.setupOwner();
			const nodeTypes = (await server.rest('GET', '/types/nodes.json')).map((type) => type.name);
			trigger.equal(
				['openAiVideos', 'openAiVideosTrigger'].filter((name) => !nodeTypes.includes(`n8n-nodes-openai-videos.${name}`)),
				[],
				'the editor lists both nodes of the package (n8n loaded it)',
			);
			const credentialTypes = (await server.rest('GET', '/types/credentials.json')).map((type) => type.name);
			trigger.ok(credentialTypes.includes('openAiVideosApi'), 'the editor lists the package\'s credential');
			const executions = (await server.executions(save.id)).filter((execution) => execution.status !== 'running');
			trigger.equal(executions.map((execution) => execution.status), ['success'], 'one trigger execution, successful');
			if (!executions.length) return;
			const execution = await server.execution(executions[0].id);
			const runData = execution.data?.resultData?.runData ?? {};
			const emitted = itemsOf(runData, 'On Finished Video').map((item) => item.json);
			trigger.equal(emitted.map((video) => video.id).sort(), [first, second].sort(), 'the trigger emits the two completed videos, one item each');
			trigger.ok(emitted.every((video) => video.status === 'completed' && video.object === 'video'), 'each item is the video object as the API returns it');
			const downloads = itemsOf(runData, 'Download MP4');
			trigger.ok(
				downloads.length === 2 && downloads.every((item) => item.binary?.data?.mimeType === 'video/mp4'),
				'Download MP4 attaches each video as binary',
				JSON.stringify(downloads.map((item) => item.binary?.data)),
			);
			trigger.equal(
				downloads.map((item) => readBinaryFile(n8n.n8nFolder, item.binary?.data)?.toString()).sort(),
				[`fake-mp4:${first}`, `fake-mp4:${second}`].sort(),
				'n8n stored both MP4s in its filesystem binary store',
			);
		} finally {
			await server.stop();
		}
	},
};
