'use strict';
/*
 * Self-check for the fake OpenAI Videos API: `node fake-api/selfcheck.cjs`.
 * Exercises every route once with global fetch and prints `selfcheck ok`.
 */
const assert = require('node:assert/strict');
const { Readable } = require('node:stream');
const { startFakeApi } = require('./server.cjs');

const KEY = 'sk-selfcheck';
const auth = { authorization: `Bearer ${KEY}` };

async function main() {
	const api = await startFakeApi({ apiKey: KEY });
	const call = (path, init = {}) => fetch(api.baseUrl + path, { ...init, headers: { ...auth, ...init.headers } });
	const postJson = (path, json) =>
		call(path, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json' } });
	try {
		assert.match(api.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
		await checkAuthAndUnknownRoute(api);
		await checkCreate(api, call, postJson);
		await checkAutoProgress(api, call, postJson);
		await checkBenchPlan(api, call, postJson);
		await checkPagination(api, call);
		await checkContent(api, call);
		await checkDerivedJobs(api, call, postJson);
		await checkScripts(api, call);
		await checkDeleteAndEncodedIds(api, call);
		await checkCharacters(api, call);
	} finally {
		await api.close();
	}
	// The requests above that break the API's OpenAPI document on purpose, and nothing else.
	assert.deepEqual(
		api.takeSpecViolations().map((v) => `${v.direction} ${v.operation} ${v.param} ${v.code}`),
		[
			'request null null unknown_url',
			'request ListVideos limit integer_above_max_value',
			'request CreateVideoExtend seconds missing_required_parameter',
			'request CreateVideoCharacter video missing_required_parameter',
		],
	);
	console.log('selfcheck ok');
}

async function checkAuthAndUnknownRoute(api) {
	let res = await fetch(`${api.baseUrl}/videos`);
	assert.equal(res.status, 401);
	assert.equal((await res.json()).error.code, 'invalid_api_key');
	res = await fetch(`${api.baseUrl}/videos`, { headers: { 'api-key': KEY } });
	assert.equal(res.status, 200);
	res = await fetch(`${api.baseUrl}/nope`, { headers: auth });
	assert.equal(res.status, 404);
	assert.equal((await res.json()).error.message, 'Invalid URL (GET /v1/nope)');
	assert.equal(api.requests.length, 3);
	assert.equal(api.requests[2].path, '/nope');
}

async function checkCreate(api, call, postJson) {
	let res = await postJson('/videos', { prompt: '  ' });
	assert.equal(res.status, 400);
	assert.equal((await res.json()).error.param, 'prompt');

	res = await postJson('/videos', { prompt: 'a cat', seconds: '8', input_reference: { image_url: 'https://x/y.png' } });
	assert.equal(res.status, 200);
	assert.equal(res.headers.get('content-type'), 'application/json');
	const video = await res.json();
	assert.deepEqual(
		{ ...video, id: undefined, created_at: undefined },
		{
			id: undefined, object: 'video', model: 'sora-2', status: 'queued', progress: 0, created_at: undefined,
			completed_at: null, expires_at: null, prompt: 'a cat', seconds: '8', size: '720x1280',
			remixed_from_video_id: null, error: null,
		},
	);
	assert.equal(api.requests.at(-1).json.prompt, 'a cat');

	const form = new FormData();
	form.set('prompt', 'a dog');
	form.set('size', '1280x720');
	form.set('input_reference', new File([Buffer.from('PNGDATA')], 'ref.png', { type: 'image/png' }));
	res = await call('/videos', { method: 'POST', body: form });
	assert.equal(res.status, 200);
	assert.equal((await res.json()).size, '1280x720');
	const recorded = api.requests.at(-1);
	assert.equal(recorded.json, undefined);
	assert.equal(recorded.form.fields.prompt, 'a dog');
	assert.deepEqual(
		{ ...recorded.form.files.input_reference, data: recorded.form.files.input_reference.data.toString() },
		{ fileName: 'ref.png', mimeType: 'image/png', data: 'PNGDATA' },
	);
}

async function checkAutoProgress(api, call, postJson) {
	api.reset();
	api.jobPlan = { pollsUntilDone: 2, outcome: 'completed', pollAfterMs: 250 };
	const { id } = await (await postJson('/videos', { prompt: 'p' })).json();
	let res = await call(`/videos/${id}`);
	assert.equal(res.headers.get('openai-poll-after-ms'), '250');
	assert.equal((await res.json()).status, 'in_progress');
	assert.equal(api.completedAt(id), undefined);
	const done = await (await call(`/videos/${id}`)).json();
	assert.equal(done.status, 'completed');
	assert.equal(done.progress, 100);
	assert.ok(done.completed_at >= done.created_at && done.expires_at > done.completed_at);
	assert.ok(Math.abs(api.completedAt(id) - Date.now()) < 1000);

	api.jobPlan = { pollsUntilDone: 1, outcome: 'failed' };
	const failing = await (await postJson('/videos', { prompt: 'p' })).json();
	const failed = await (await call(`/videos/${failing.id}`)).json();
	assert.equal(failed.status, 'failed');
	assert.equal(typeof failed.error.message, 'string');

	api.jobPlan = { completeAfterMs: 200 };
	const timed = await (await postJson('/videos', { prompt: 'p' })).json();
	assert.equal((await (await call(`/videos/${timed.id}`)).json()).status, 'in_progress');
	await new Promise((resolve) => setTimeout(resolve, 300));
	assert.equal(api.videos.get(timed.id).status, 'completed'); // completed by the clock, no poll needed
	assert.ok(api.completedAt(timed.id) <= Date.now());
}

/** Plan fields the benchmarks use: the create answer's poll hint and a big planned file. */
async function checkBenchPlan(api, call, postJson) {
	api.reset();
	let created = await postJson('/videos', { prompt: 'p' });
	assert.equal(created.headers.get('openai-poll-after-ms'), null);
	api.jobPlan = { completeAfterMs: 0, pollAfterMs: 400, contentSize: 3 * 65536 + 7 };
	created = await postJson('/videos', { prompt: 'p' });
	assert.equal(created.headers.get('openai-poll-after-ms'), '400');
	const { id } = await created.json();
	await new Promise((resolve) => setTimeout(resolve, 20));
	const file = Buffer.from(await (await call(`/videos/${id}/content`)).arrayBuffer());
	assert.equal(file.length, 3 * 65536 + 7);
	assert.equal(file[65537], 65537 % 251);
}

async function checkPagination(api, call) {
	api.reset();
	const ids = Array.from({ length: 5 }, () => api.addVideo({}).id);
	assert.deepEqual(ids, ['video_1', 'video_2', 'video_3', 'video_4', 'video_5']);
	for (const order of ['desc', 'asc']) {
		const expected = order === 'desc' ? [...ids].reverse() : ids;
		const seen = [];
		let after;
		const hasMore = [];
		for (let page = 0; page < 3; page++) {
			const query = new URLSearchParams({ limit: '2', order, ...(after && { after }) });
			const body = await (await call(`/videos?${query}`)).json();
			assert.equal(body.object, 'list');
			assert.equal(body.first_id, body.data[0].id);
			assert.equal(body.last_id, body.data.at(-1).id);
			seen.push(...body.data.map((v) => v.id));
			hasMore.push(body.has_more);
			after = body.last_id;
		}
		assert.deepEqual(seen, expected);
		assert.deepEqual(hasMore, [true, true, false]);
	}
	const defaults = await (await call('/videos')).json();
	assert.equal(defaults.data[0].id, 'video_5'); // desc by default
	assert.equal((await call('/videos?limit=101')).status, 400);
}

async function checkContent(api, call) {
	api.reset();
	const video = api.addVideo({});
	let res = await call(`/videos/${video.id}/content`);
	assert.equal(res.status, 200);
	assert.equal(res.headers.get('content-type'), 'video/mp4');
	assert.equal(res.headers.get('content-disposition'), `attachment; filename="${video.id}.mp4"`);
	assert.equal(Buffer.from(await res.arrayBuffer()).toString(), `fake-mp4:${video.id}`);
	res = await call(`/videos/${video.id}/content?variant=thumbnail`);
	assert.equal(res.headers.get('content-type'), 'image/webp');
	assert.match(res.headers.get('content-disposition'), /\.webp"$/);
	await res.arrayBuffer();

	const size = 3 * 65536 + 7;
	api.setContent(video.id, 'spritesheet', { size, contentType: 'image/jpeg' });
	res = await call(`/videos/${video.id}/content?variant=spritesheet`);
	assert.equal(res.headers.get('content-length'), String(size));
	const bytes = Buffer.from(await res.arrayBuffer());
	assert.equal(bytes.length, size);
	assert.ok(bytes.every((b, k) => b === k % 251));

	api.setContent(video.id, 'video', { body: () => Readable.from([Buffer.from('ab'), Buffer.from('cd')]), contentType: 'video/webm' });
	res = await call(`/videos/${video.id}/content?variant=video`);
	assert.equal(res.headers.get('content-type'), 'video/webm');
	assert.equal(await res.text(), 'abcd');

	const pending = api.addVideo({ status: 'in_progress' });
	res = await call(`/videos/${pending.id}/content`);
	assert.equal(res.status, 404);
	assert.equal((await res.json()).error.code, 'video_not_ready');
}

async function checkDerivedJobs(api, call, postJson) {
	api.reset();
	const source = api.addVideo({ seconds: '8', size: '1280x720' });
	let res = await postJson('/videos/nope/remix', { prompt: 'x' });
	assert.equal(res.status, 404);
	assert.equal((await res.json()).error.message, "Video with id 'nope' not found");
	const remix = await (await postJson(`/videos/${source.id}/remix`, { prompt: 'again' })).json();
	assert.equal(remix.remixed_from_video_id, source.id);
	assert.equal(remix.status, 'queued');

	const edit = await (await postJson('/videos/edits', { prompt: 'edit', video: { id: source.id } })).json();
	assert.equal(edit.size, '1280x720');
	const form = new FormData();
	form.set('prompt', 'edit upload');
	form.set('video', new File([Buffer.from('MP4')], 'in.mp4', { type: 'video/mp4' }));
	res = await call('/videos/edits', { method: 'POST', body: form });
	assert.equal((await res.json()).status, 'queued');

	const ext = await (await postJson('/videos/extensions', { prompt: 'more', seconds: '4', video: { id: source.id } })).json();
	assert.equal(ext.seconds, '12');
	assert.equal((await postJson('/videos/extensions', { prompt: 'more', video: { id: source.id } })).status, 400);
}

async function checkScripts(api, call) {
	api.reset();
	api.script({ method: 'GET', path: '/videos' }, { status: 429, headers: { 'retry-after': '0' }, json: { error: { message: 'slow down' } } });
	let res = await call('/videos');
	assert.equal(res.status, 429);
	assert.equal(res.headers.get('retry-after'), '0');
	assert.equal((await res.json()).error.message, 'slow down');
	res = await call('/videos');
	assert.equal(res.status, 200);
	assert.equal(api.requests.length, 2);

	const video = api.addVideo({});
	api.script({ path: /\/content$/ }, { truncate: true, body: Buffer.alloc(1000, 1), headers: { 'content-type': 'video/mp4' } });
	res = await call(`/videos/${video.id}/content`);
	assert.equal(res.status, 200);
	await assert.rejects(res.arrayBuffer());

	api.script({ method: 'GET', path: `/videos/${video.id}` }, { destroy: true, delayMs: 10 });
	await assert.rejects(call(`/videos/${video.id}`));
	assert.equal((await call(`/videos/${video.id}`)).status, 200);
	assert.equal(api.scripts.length, 0);
}

async function checkDeleteAndEncodedIds(api, call) {
	api.reset();
	const odd = api.addVideo({ id: 'vid/a=b+c d' });
	const encoded = encodeURIComponent(odd.id);
	let res = await call(`/videos/${encoded}`);
	assert.equal((await res.json()).id, odd.id);
	assert.equal(api.requests.at(-1).rawPath, `/videos/${encoded}`);
	assert.equal(api.requests.at(-1).path, `/videos/${odd.id}`);
	res = await call(`/videos/${encoded}/content`);
	assert.equal(await res.text(), `fake-mp4:${odd.id}`);

	res = await call(`/videos/${encoded}`, { method: 'DELETE' });
	assert.deepEqual(await res.json(), { id: odd.id, object: 'video.deleted', deleted: true });
	assert.equal(api.videos.size, 0);
	assert.equal((await call(`/videos/${encoded}`, { method: 'DELETE' })).status, 404);
	assert.equal((await call(`/videos/${encoded}`)).status, 404);
}

async function checkCharacters(api, call) {
	const form = new FormData();
	form.set('name', 'Hero');
	let res = await call('/videos/characters', { method: 'POST', body: form });
	assert.equal(res.status, 400);
	assert.equal((await res.json()).error.param, 'video');
	form.set('video', new File([Buffer.from('MP4')], 'hero.mp4', { type: 'video/mp4' }));
	const created = await (await call('/videos/characters', { method: 'POST', body: form })).json();
	assert.deepEqual(Object.keys(created).sort(), ['created_at', 'id', 'name']);
	assert.match(created.id, /^char_\d+$/);
	res = await call(`/videos/characters/${created.id}`);
	assert.deepEqual(await res.json(), created);
	assert.equal((await call('/videos/characters/char_404')).status, 404);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
