'use strict';
/*
 * The sandbox's Videos API on a fixed port: the fake of the tests (fake-api/server.cjs) behind a
 * small front server that
 *   - accepts any API key (it passes the fake's own key on), so no key is needed;
 *   - lets every job finish a few seconds after it was created, polled every second;
 *   - serves real, playable media from sandbox/fixtures/ as each video's content: an MP4 (landscape
 *     or portrait, as the video's size asks), a WebP thumbnail and a JPEG spritesheet;
 *   - has a finished video `video_123` to start with (example 4 remixes it);
 *   - serves /assets/first-frame.jpg, the reference image example 2 sends with Create.
 *
 *   const sandbox = await startSandboxApi({ port: 4010 });   // { baseUrl, origin, api, close() }
 *   node sandbox/api-server.js [port]                        // the API alone
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const { startFakeApi } = require('../fake-api/server.cjs');

const FIXTURES = path.join(__dirname, 'fixtures');
const FAKE_KEY = 'sk-sandbox';
const JOB_PLAN = { completeAfterMs: 6000, pollAfterMs: 1000 };
const SAMPLE_VIDEO = {
	id: 'video_123',
	status: 'completed',
	prompt: 'A paper boat drifting down a rain-soaked street at dusk (a sample video of the sandbox)',
	seconds: '4',
	size: '1280x720',
};
const ASSETS = { 'first-frame.jpg': 'image/jpeg' };

const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name));

function loadMedia() {
	return {
		landscape: fixture('landscape.mp4'),
		portrait: fixture('portrait.mp4'),
		thumbnail: fixture('thumbnail.webp'),
		spritesheet: fixture('spritesheet.jpg'),
	};
}

const isPortrait = (size) => {
	const [width, height] = String(size ?? '').split('x').map(Number);
	return height > width;
};

/** Gives a video its files the first time one of them is asked for. */
function provideContent(api, media, id, filled) {
	const video = api.videos.get(id);
	if (!video || filled.has(id)) return;
	api.setContent(id, 'video', { body: isPortrait(video.size) ? media.portrait : media.landscape });
	api.setContent(id, 'thumbnail', { body: media.thumbnail });
	api.setContent(id, 'spritesheet', { body: media.spritesheet });
	filled.add(id);
}

/** Passes a request on to the fake, with the fake's key instead of whatever key the client sent. */
function forward(req, res, target) {
	const headers = { ...req.headers, host: target.host, authorization: `Bearer ${FAKE_KEY}` };
	delete headers['api-key'];
	const upstream = http.request(
		{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
		(answer) => {
			res.writeHead(answer.statusCode, answer.headers);
			answer.pipe(res);
		},
	);
	upstream.on('error', (error) => {
		if (res.headersSent) return void res.destroy(error);
		res.writeHead(502, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ error: { message: `sandbox: ${error.message}`, type: 'server_error' } }));
	});
	req.pipe(upstream);
}

function sendAsset(res, name) {
	const body = fixture(name);
	res.writeHead(200, { 'content-type': ASSETS[name], 'content-length': String(body.length) });
	res.end(body);
}

function sendIndex(res, baseUrl) {
	res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
	res.end(`OpenAI Videos API sandbox. Base URL: ${baseUrl} (any API key). Jobs finish after ${JOB_PLAN.completeAfterMs / 1000} s.\n`);
}

async function startSandboxApi({ port = 4010, host = '127.0.0.1' } = {}) {
	const media = loadMedia();
	const api = await startFakeApi({ apiKey: FAKE_KEY });
	api.jobPlan = { ...JOB_PLAN };
	api.addVideo(SAMPLE_VIDEO);
	const target = new URL(api.baseUrl);
	const basePath = target.pathname; // '/v1'
	const filled = new Set();
	const origin = `http://${host}:${port}`;
	const baseUrl = `${origin}${basePath}`;

	const server = http.createServer((req, res) => {
		const { pathname } = new URL(req.url ?? '/', origin);
		const asset = /^\/assets\/([^/]+)$/.exec(pathname)?.[1];
		if (req.method === 'GET' && asset && ASSETS[asset]) return sendAsset(res, asset);
		if (req.method === 'GET' && pathname === '/') return sendIndex(res, baseUrl);
		const content = new RegExp(`^${basePath}/videos/([^/]+)/content$`).exec(pathname);
		if (content) provideContent(api, media, decodeURIComponent(content[1]), filled);
		forward(req, res, target);
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});

	return {
		origin,
		baseUrl,
		api,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections?.();
			}).then(() => api.close()),
	};
}

module.exports = { startSandboxApi, FIXTURES, JOB_PLAN, SAMPLE_VIDEO };

if (require.main === module) {
	startSandboxApi({ port: Number(process.argv[2] ?? 4010) }).then((sandbox) => {
		console.log(`OpenAI Videos API sandbox at ${sandbox.baseUrl} (any API key); Ctrl-C stops it.`);
		process.once('SIGINT', () => sandbox.close().then(() => process.exit(0)));
	});
}
