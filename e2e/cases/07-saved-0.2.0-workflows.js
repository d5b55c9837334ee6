'use strict';
/*
 * Workflows saved by 0.2.0 run unchanged (issue 17): e2e/workflows/saved-0.2.0/ holds one workflow
 * per operation as 0.2.0's editor saved it (save-like-editor.js: only non-default parameters, so
 * Create has no resource/operation and Character → Create no operation; `requestOptions`, which
 * n8n added to the declarative node; Resource Locators "From List" and "By ID", one with an
 * expression, and a plain-string Video ID from before them). All ten are imported with one
 * `n8n import:workflow` and run in one `n8n execute-batch`; per operation the case checks the
 * request on the wire (method, path, body or form, query) and the items and files that come out.
 */
const fs = require('node:fs');
const path = require('node:path');
const { itemsOf } = require('../n8n-cli');
const { TEST_WORKFLOWS_DIR, prepare, setParameter } = require('../lib/workflows');
const { CREDENTIAL, API_KEY, requestsOf, readBinaryFile } = require('../lib/context');

const SAVED_DIR = path.join(TEST_WORKFLOWS_DIR, 'saved-0.2.0');

/** A small file that starts as an MP4 does (an `ftyp` box): the node checks an upload's first bytes. */
const CLIP = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2saved-0.2.0 clip')]);

const ID = {
	listed: ['video_saved_list_1', 'video_saved_list_2', 'video_saved_list_3'],
	remixSource: 'video_saved_remix_src',
	extendSource: 'video_saved_extend_src',
	get: 'video_saved_get',
	delete: 'video_saved_delete',
	download: 'video_saved_download',
	character: 'char_saved_get',
};

/** The node's parameter, read from the saved file itself (the checks must follow the file). */
const savedParameter = (workflow, node, name) => workflow.nodes.find((entry) => entry.name === node).parameters[name];

/** The only item a node put out, after checking that it was the only one. */
function onlyItem(t, run, node) {
	const items = itemsOf(run.runData, node);
	t.equal(items.length, 1, `${node} puts out one item`);
	return items[0];
}

/** The job a POST created: the video of the server that is none of the videos the case added. */
const createdJob = (api, known, match) => [...api.videos.values()].find((video) => !known.has(video.id) && match(video));

const OPERATIONS = [
	['video-create.json', 'Create Video', ({ t, run, api, n8n, workflow, known }) => {
		const prompt = savedParameter(workflow, 'Create Video', 'prompt');
		const [request] = requestsOf(api, 'POST', '/videos').filter((entry) => entry.json?.prompt === prompt);
		t.equal(request?.json, { prompt, model: 'sora-2-pro', seconds: '8', size: '1280x720' }, 'POST /videos with prompt, the model By ID, seconds and size, nothing else (no resource, operation, requestOptions)');
		const job = createdJob(api, known, (video) => video.prompt === prompt);
		const item = onlyItem(t, run, 'Create Video');
		t.includes(item?.json, { id: job?.id, object: 'video', status: 'completed' }, 'the default Wait for Completion waited: the finished video');
		t.includes(item?.binary?.data, { mimeType: 'video/mp4', fileName: `${job?.id}.mp4` }, 'the default Download Result put the MP4 in binary "data"');
		t.equal(readBinaryFile(n8n.n8nFolder, item?.binary?.data)?.toString(), `fake-mp4:${job?.id}`, 'n8n stored the MP4 the API sent');
	}],
	['video-remix.json', 'Remix Video', ({ t, run, api, workflow }) => {
		const prompt = savedParameter(workflow, 'Remix Video', 'prompt');
		const requests = requestsOf(api, 'POST', `/videos/${ID.remixSource}/remix`);
		t.equal(requests.map((request) => request.json), [{ prompt }], `POST /videos/${ID.remixSource}/remix (the "From List" video) with the prompt only`);
		const item = onlyItem(t, run, 'Remix Video');
		t.includes(item?.json, { status: 'queued', remixed_from_video_id: ID.remixSource }, 'without waiting: the queued remix job');
		t.equal(item?.binary, undefined, 'no file attached');
		t.equal(requestsOf(api, 'GET', `/videos/${item?.json?.id}/content`).length, 0, 'nothing downloaded');
	}],
	['video-edit.json', 'Edit Video', ({ t, run, api, workflow, known }) => {
		const prompt = savedParameter(workflow, 'Edit Video', 'prompt');
		const [request] = requestsOf(api, 'POST', '/videos/edits');
		t.equal(request?.form?.fields, { prompt }, 'POST /videos/edits as multipart with the prompt field');
		const file = request?.form?.files?.video;
		t.ok(file && Buffer.compare(file.data, CLIP) === 0, 'the video part holds the clip of binary "clip" (Source Video: file)', file && `${file.data.length} bytes, ${file.mimeType}`);
		const job = createdJob(api, known, (video) => video.prompt === prompt);
		const item = onlyItem(t, run, 'Edit Video');
		t.includes(item?.json, { id: job?.id, status: 'completed' }, 'it waited for the edit job');
		t.equal(item?.binary?.data, undefined, 'Download Result off: no file attached');
		t.equal(requestsOf(api, 'GET', `/videos/${job?.id}/content`).length, 0, 'nothing downloaded');
	}],
	['video-extend.json', 'Extend Video', ({ t, run, api, n8n, workflow, known }) => {
		const prompt = savedParameter(workflow, 'Extend Video', 'prompt');
		const [request] = requestsOf(api, 'POST', '/videos/extensions');
		t.equal(request?.json, { prompt, seconds: '8', video: { id: ID.extendSource } }, 'POST /videos/extensions with prompt, seconds and the plain-string Video ID');
		const job = createdJob(api, known, (video) => video.prompt === prompt);
		const item = onlyItem(t, run, 'Extend Video');
		t.includes(item?.json, { id: job?.id, status: 'completed' }, 'it waited for the extension job');
		t.equal(requestsOf(api, 'GET', `/videos/${job?.id}/content`).map((entry) => entry.query.variant), ['thumbnail'], 'the thumbnail is downloaded once');
		t.includes(item?.binary?.thumb, { mimeType: 'image/webp', fileName: `${job?.id}.webp` }, 'into binary "thumb"');
		t.equal(readBinaryFile(n8n.n8nFolder, item?.binary?.thumb)?.toString(), `fake-webp:${job?.id}`, 'n8n stored the thumbnail the API sent');
	}],
	['video-get.json', 'Get Video', ({ t, run, api }) => {
		t.equal(requestsOf(api, undefined, `/videos/${ID.get}`).map((request) => request.method), ['GET'], `one GET /videos/${ID.get} (the "By ID" expression)`);
		t.includes(onlyItem(t, run, 'Get Video')?.json, { id: ID.get, object: 'video', status: 'completed' }, 'the item is the video object');
	}],
	['video-getAll.json', 'Get Many Videos', ({ t, run, api }) => {
		const pages = requestsOf(api, 'GET', '/videos').filter((request) => request.query.order === 'asc');
		t.equal(pages.map((request) => request.query), [{ limit: '3', order: 'asc', custom_llm_provider: 'openai' }], 'one GET /videos with limit, order and the extra query parameter');
		t.equal(itemsOf(run.runData, 'Get Many Videos').map((item) => item.json.id), ID.listed, 'the three oldest videos, one item each');
	}],
	['video-delete.json', 'Delete Video', ({ t, run, api }) => {
		t.equal(requestsOf(api, 'DELETE').map((request) => request.path), [`/videos/${ID.delete}`], `one DELETE /videos/${ID.delete} (the "From List" video)`);
		t.includes(onlyItem(t, run, 'Delete Video')?.json, { id: ID.delete, deleted: true }, 'the item says it is deleted');
		t.ok(!api.videos.has(ID.delete), 'the server no longer has it');
	}],
	['video-download.json', 'Download Spritesheet', ({ t, run, api, n8n }) => {
		const requests = requestsOf(api, 'GET', `/videos/${ID.download}/content`);
		t.equal(requests.map((request) => request.query), [{ variant: 'spritesheet' }], `one GET /videos/${ID.download}/content?variant=spritesheet`);
		const item = onlyItem(t, run, 'Download Spritesheet');
		const bytes = Buffer.from(`fake-jpg:${ID.download}`);
		const fileName = `${ID.download}.jpg`;
		t.equal(item?.json, { videoId: ID.download, variant: 'spritesheet', fileName, mimeType: 'image/jpeg', bytes: bytes.length }, 'the JSON names the file, its type and size');
		t.includes(item?.binary?.data, { mimeType: 'image/jpeg', fileName }, 'the spritesheet is in binary "data"');
		t.equal(readBinaryFile(n8n.n8nFolder, item?.binary?.data)?.toString(), bytes.toString(), 'n8n stored the bytes the API sent');
	}],
	['character-create.json', 'Create Character', ({ t, run, api }) => {
		const [request] = requestsOf(api, 'POST', '/videos/characters');
		t.equal(request?.form?.fields, { name: 'Captain Lantern' }, 'POST /videos/characters as multipart with the name (no operation saved: Create is the default)');
		const file = request?.form?.files?.video;
		t.ok(file && Buffer.compare(file.data, CLIP) === 0, 'the video part holds the clip of binary "data"', file && `${file.data.length} bytes`);
		const character = [...api.characters.values()].find((entry) => entry.name === 'Captain Lantern');
		t.includes(onlyItem(t, run, 'Create Character')?.json, { id: character?.id, name: 'Captain Lantern' }, 'the item is the new character');
	}],
	['character-get.json', 'Get Character', ({ t, run, api }) => {
		t.equal(requestsOf(api, undefined, /^\/videos\/characters\/./).map((request) => `${request.method} ${request.path}`), [`GET /videos/characters/${ID.character}`], `one GET /videos/characters/${ID.character}`);
		t.equal(onlyItem(t, run, 'Get Character')?.json, api.characters.get(ID.character), 'the item is the character as the API returns it');
	}],
];

/** The server's state every workflow starts from; the IDs of what it holds before the runs. */
function seed(api, assets) {
	for (const id of ID.listed) api.addVideo({ id }); // the oldest: Get Many (ascending) lists them
	for (const id of [ID.remixSource, ID.extendSource, ID.get, ID.delete, ID.download]) api.addVideo({ id, status: 'completed', seconds: '4', size: '1280x720' });
	api.characters.set(ID.character, { id: ID.character, created_at: 1_760_000_000, name: 'Saved Character' });
	api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 200 };
	assets.setFile('clip.mp4', CLIP, 'video/mp4');
	return new Set(api.videos.keys());
}

module.exports = {
	title: 'workflows saved by 0.2.0, one per operation',
	async run({ n8n, api, assets, filesDir, note }, t) {
		api.takeSpecViolations();
		const known = seed(api, assets);
		const workflows = OPERATIONS.map(([file]) => prepare(JSON.parse(fs.readFileSync(path.join(SAVED_DIR, file), 'utf8')), { credential: CREDENTIAL, filesDir }));
		for (const workflow of workflows) {
			for (const node of workflow.nodes.filter((entry) => entry.type === 'n8n-nodes-base.httpRequest')) setParameter(workflow, node.name, 'url', `${assets.origin}/clip.mp4`);
		}
		t.equal(fs.readdirSync(SAVED_DIR).filter((file) => file.endsWith('.json')).sort(), OPERATIONS.map(([file]) => file).sort(), 'every saved workflow is run');
		const ours = workflows.flatMap((workflow) => workflow.nodes.filter((node) => node.type === 'n8n-nodes-openai-videos.openAiVideos'));
		const create = ours.find((node) => node.name === 'Create Video')?.parameters ?? {};
		t.ok(
			ours.every((node) => node.typeVersion === 1 && 'requestOptions' in node.parameters) && !('resource' in create) && !('operation' in create),
			'the files still hold what 0.2.0 saved (typeVersion 1, requestOptions everywhere, Create without resource and operation)',
		);
		let started = Date.now();
		await n8n.importWorkflows(workflows);
		note(`saved 0.2.0 workflows: import ${((Date.now() - started) / 1000).toFixed(1)} s`);
		started = Date.now();
		const batch = await n8n.executeBatch(workflows.map((workflow) => workflow.id));
		note(`saved 0.2.0 workflows: execute-batch ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${batch.exitCode}${batch.timedOut ? ', timed out' : ''})`);

		OPERATIONS.forEach(([file, node, check], index) => {
			const workflow = workflows[index];
			const run = { ...batch.runs[workflow.id], workflow };
			const scope = t.report.scope(`${t.prefix} · ${file}`);
			scope.ok(run.ok, 'the execution succeeds', `${run.status}: ${run.error ?? (batch.stderr || batch.stdout).slice(-1500)}`);
			check({ t: scope, run, api, n8n, workflow, known }); // on failure too: the requests tell what went wrong
		});
		t.ok(api.requests.every((request) => request.headers.authorization === `Bearer ${API_KEY}`), 'every request carries the key');
		t.equal(api.takeSpecViolations(), [], 'no request breaks OpenAI\'s OpenAPI document (the fake checks each)');
	},
};
