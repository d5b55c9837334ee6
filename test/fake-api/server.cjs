'use strict';
/*
 * Fake OpenAI Videos API ("Sora 2" HTTP shape) for jest tests and benchmarks.
 * Node 20+ built-ins only; nothing happens until startFakeApi() is called.
 *
 *   const { startFakeApi } = require('./fake-api/server.cjs');
 *   const api = await startFakeApi({ apiKey = 'sk-test-key', basePath = '/v1',
 *                                    profile = 'openai', profileOptions = {} });
 *
 * `profile` makes the fake answer as one of the servers that carry the API on (LiteLLM, Azure,
 * New API, vLLM-Omni, SGLang, Aquiles-Image, a relay) or as a server of another API
 * (OpenRouter, Azure's older jobs API); see profiles.cjs for what each one changes. Without it
 * (or with 'openai') everything below behaves as OpenAI's reference. A profile brings its own
 * default basePath (an explicit basePath wins).
 *
 * FakeApi:
 *   baseUrl            'http://127.0.0.1:<port>' + basePath
 *   requests           every received request, in arrival order:
 *                      { receivedAt (ms), method, path, rawPath, url, query, headers, body, json, form }
 *                      path    = decoded path after basePath ('/videos/a/b')
 *                      rawPath = same, percent-encoding intact ('/videos/a%2Fb')
 *                      url     = req.url exactly as received (basePath + query)
 *                      form    = { fields: {name: string}, files: {name: {fileName, mimeType, data}} }
 *   videos             Map<id, Video> (the emitted JSON objects), creation order
 *   characters         Map<id, Character>
 *   jobPlan            plan copied onto each job created by POST (create/remix/edit/extend):
 *                      { pollsUntilDone = 2, outcome = 'completed' | 'failed',
 *                        pollAfterMs, completeAfterMs, contentSize?, error? }
 *                      pollAfterMs: `openai-poll-after-ms` on the create answer and on each GET
 *                      completeAfterMs: the job completes by the clock, that many ms after creation
 *                      contentSize: the job's video is a deterministic stream of that many bytes
 *   addVideo(partial)  -> Video (defaults: id video_<n>, status 'completed', progress 100, ...)
 *   setStatus(id, status, extra = {}) -> Video
 *   setContent(id, variant, { body: Buffer | string | () => Readable, size, contentType, headers })
 *   completedAt(id)    -> Date.now() at the moment the video became completed/failed
 *   script({ method, path: string | RegExp }, { status, headers, json, body, delayMs,
 *           destroy, truncate, passthrough })  one-shot override, FIFO per matcher
 *   scripts            pending scripts [{ matcher, response }]
 *   reset()            clears requests, videos, characters, content, scripts, jobPlan
 *                      (and relayRequests, profileOptions back to how they started)
 *   profile            name of the server profile ('openai' by default)
 *   profileOptions     the profile's settings, read at each request (mutable; profiles.cjs)
 *   relayRequests      requests the 'relay' profile's signed-URL server got: { method, url, headers }
 *   relayBaseUrl       'http://localhost:<port>' of that server ('relay' profile only)
 *   close()            -> Promise; closes the server and every open socket
 *
 * Routes (under basePath, Bearer or `api-key` auth): POST /videos, GET /videos,
 * GET|DELETE /videos/{id}, POST /videos/{id}/remix, GET /videos/{id}/content,
 * POST /videos/edits, POST /videos/extensions, POST /videos/characters,
 * GET /videos/characters/{id}. Anything else -> 404 'Unknown route'.
 */
const http = require('node:http');
const { createStore, DEFAULT_PLAN } = require('./store.cjs');
const { readBody, parseBody } = require('./multipart.cjs');
const { sendContent } = require('./content.cjs');
const { findRoute, apiError } = require('./routes.cjs');
const { createProfile } = require('./profiles.cjs');
const { withCreatePollHint } = require('./poll-hint.cjs');

const UNAUTHORIZED = apiError(401, 'Incorrect API key provided', { code: 'invalid_api_key' });
const UNKNOWN_ROUTE = apiError(404, 'Unknown route', { code: 'unknown_route' });

function normalizeBasePath(basePath) {
	const trimmed = String(basePath ?? '').replace(/\/+$/, '');
	return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function safeDecode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

function isAuthorized(headers, apiKey, apiKeyHeader = true) {
	const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
	return (bearer && bearer[1].trim() === apiKey) || (apiKeyHeader && headers['api-key'] === apiKey);
}

function sendJson(res, reply, extraHeaders) {
	const body = Buffer.from(JSON.stringify(reply.json));
	res.writeHead(reply.status ?? 200, {
		...extraHeaders,
		'content-type': 'application/json',
		'content-length': String(body.length),
		...reply.headers,
	});
	res.end(body);
}

/** A reply whose body goes out as it is (profiles: plain text, redirects, mislabelled bodies). */
function sendRaw(res, reply, extraHeaders) {
	const body = Buffer.isBuffer(reply.raw) ? reply.raw : Buffer.from(String(reply.raw));
	res.writeHead(reply.status ?? 200, { ...extraHeaders, ...reply.headers, 'content-length': String(body.length) });
	res.end(body);
}

function sendReply(res, reply, extraHeaders) {
	if (reply.content) return sendContent(res, reply.content, extraHeaders);
	if (reply.raw !== undefined) return sendRaw(res, reply, extraHeaders);
	return sendJson(res, reply, extraHeaders);
}

function matches(matcher, record) {
	if (matcher.method && matcher.method.toUpperCase() !== record.method) return false;
	if (matcher.path === undefined) return true;
	if (matcher.path instanceof RegExp) return matcher.path.test(record.path) || matcher.path.test(record.rawPath);
	return matcher.path === record.path || matcher.path === record.rawPath;
}

/** Body and default content-type of a scripted response. */
function scriptedBody(response) {
	if (response.json !== undefined) return { body: Buffer.from(JSON.stringify(response.json)), type: 'application/json' };
	if (response.body !== undefined) {
		const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(String(response.body));
		return { body, type: 'application/octet-stream' };
	}
	return { body: Buffer.alloc(0), type: undefined };
}

/** Play a scripted response. Returns false when the request should fall through (passthrough). */
function playScript(req, res, response, baseHeaders) {
	if (response.destroy) return void req.socket.destroy();
	if (response.passthrough) return false;
	const { body, type } = scriptedBody(response);
	const headers = { ...baseHeaders, ...(type && { 'content-type': type }), ...response.headers };
	const status = response.status ?? 200;
	if (response.truncate) {
		const full = body.length > 0 ? body : Buffer.from('{"truncated": "this body never finishes"}');
		res.writeHead(status, { ...headers, 'content-length': String(full.length + 1024) });
		const part = full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
		return void res.write(part, () => res.socket?.destroy());
	}
	res.writeHead(status, { ...headers, 'content-length': String(body.length) });
	res.end(body);
}

async function startFakeApi(options = {}) {
	const apiKey = options.apiKey ?? 'sk-test-key';
	let profile;
	const store = createStore({ videoId: (n, fields) => profile.videoId?.(n, fields) });
	const timers = new Set();

	const api = {
		baseUrl: '',
		requests: [],
		videos: store.videos,
		characters: store.characters,
		jobPlan: { ...DEFAULT_PLAN },
		scripts: [],
		addVideo: (partial) => store.addVideo(partial),
		setStatus: (id, status, extra) => store.setStatus(id, status, extra),
		setContent: (id, variant, spec) => store.setContent(id, variant, spec),
		completedAt: (id) => store.completedAt(id),
		script(matcher, response) {
			api.scripts.push({ matcher: matcher ?? {}, response: response ?? {} });
		},
		reset() {
			api.requests.length = 0;
			api.scripts.length = 0;
			api.jobPlan = { ...DEFAULT_PLAN };
			store.reset();
			api.relayRequests.length = 0;
			api.profileOptions = { ...initialProfileOptions };
			profile.reset?.();
		},
		close,
		profile: options.profile ?? 'openai',
		profileOptions: {},
		relayRequests: [],
		relayBaseUrl: undefined,
	};
	profile = createProfile(api.profile, { api, store });
	const initialProfileOptions = { ...profile.defaults, ...options.profileOptions };
	api.profileOptions = { ...initialProfileOptions };
	const basePath = normalizeBasePath(options.basePath ?? profile.basePath ?? '/v1');

	function sleep(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});
	}

	function takeScript(record) {
		const index = api.scripts.findIndex(({ matcher }) => matches(matcher, record));
		return index < 0 ? undefined : api.scripts.splice(index, 1)[0].response;
	}

	/** Split req.url into the record fields and decoded path segments. */
	function describe(req) {
		const url = req.url ?? '/';
		const queryAt = url.indexOf('?');
		const fullPath = queryAt < 0 ? url : url.slice(0, queryAt);
		const inBase = basePath === '' || fullPath === basePath || fullPath.startsWith(`${basePath}/`);
		const rawPath = inBase ? fullPath.slice(basePath.length) || '/' : fullPath;
		const rawSegments = rawPath.split('/').slice(1);
		const segments = inBase ? rawSegments.map(safeDecode) : undefined;
		const query = Object.fromEntries(new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)));
		const record = {
			receivedAt: Date.now(),
			method: req.method,
			path: safeDecode(rawPath) ?? rawPath,
			rawPath,
			url,
			query,
			headers: req.headers,
			body: Buffer.alloc(0),
			json: undefined,
			form: undefined,
		};
		return { record, segments: segments?.includes(undefined) ? undefined : segments };
	}

	async function handle(req, res) {
		const { record, segments } = describe(req);
		const requestId = `req_${api.requests.length + 1}`;
		api.requests.push(record);
		const scripted = takeScript(record); // consumed in arrival order
		record.body = await readBody(req);
		const { json, form, error: bodyError } = await parseBody(req.headers['content-type'], record.body);
		Object.assign(record, { json, form });

		const baseHeaders = { 'x-request-id': requestId };
		if (scripted) {
			if (scripted.delayMs) await sleep(scripted.delayMs);
			if (playScript(req, res, scripted, baseHeaders) !== false) return;
		}
		if (!isAuthorized(req.headers, apiKey, profile.apiKeyHeader)) {
			return sendReply(res, profile.unauthorized?.() ?? UNAUTHORIZED, baseHeaders);
		}
		const ctx = {
			store,
			record,
			bodyError,
			jobPlan: api.jobPlan,
			segments,
			options: api.profileOptions,
			createDefaults: profile.createDefaults,
		};
		const early = segments && profile.before?.(ctx);
		if (early) return sendReply(res, early, baseHeaders);
		const route = ctx.segments && findRoute(req.method, ctx.segments);
		if (!route) {
			const unknown = ctx.segments && profile.unknownRoute?.(ctx);
			if (unknown) return sendReply(res, unknown, baseHeaders);
			return sendReply(res, profile.after ? profile.after(UNKNOWN_ROUTE, ctx) : UNKNOWN_ROUTE, baseHeaders);
		}
		const reply = withCreatePollHint(route(ctx), ctx);
		return sendReply(res, profile.after ? profile.after(reply, ctx) : reply, baseHeaders);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((err) => {
			if (res.headersSent) return void res.destroy(err);
			sendJson(res, apiError(500, `Fake API internal error: ${err.message}`, { type: 'server_error' }));
		});
	});

	function close() {
		for (const timer of timers) clearTimeout(timer);
		timers.clear();
		store.stopTimers(); // keeps requests/videos inspectable after close
		const closed = new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections?.();
		});
		return Promise.all([closed, profile.close?.()]).then(() => undefined);
	}

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	api.baseUrl = `http://127.0.0.1:${server.address().port}${basePath}`;
	await profile.start?.();
	return api;
}

module.exports = { startFakeApi };
