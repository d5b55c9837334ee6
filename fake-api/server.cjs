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
 *                      pollAfterMs: `openai-poll-after-ms` on the create answer and on each GET of the job (never on lists)
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
 *   specViolations     what broke OpenAI's OpenAPI document (openapi/, spec.cjs), in arrival order:
 *                      { direction: 'request' | 'answer', method, path, operation, message, param, code }
 *                      requests: in the profiles that check them (profiles.cjs: 'openai', 'relay',
 *                      'azure', 'litellm' for OpenAI models); such a request is answered 400 as the
 *                      API does. answers: the 'openai' profile's own (not scripted ones, nor content
 *                      a test set with a contentType or headers). reset() keeps them.
 *   takeSpecViolations() -> the violations so far, and forgets them (test/harness/spec-violations.ts
 *                      fails every test that leaves one behind)
 *   close()            -> Promise; closes the server and every open socket
 *
 * Routes (under basePath, Bearer or `api-key` auth): POST /videos, GET /videos,
 * GET|DELETE /videos/{id}, POST /videos/{id}/remix, GET /videos/{id}/content,
 * POST /videos/edits, POST /videos/extensions, POST /videos/characters,
 * GET /videos/characters/{id}, and GET /models (the models list every OpenAI-style server has).
 * Anything else -> 404 'Invalid URL (METHOD /v1/path)'.
 */
const http = require('node:http');
const { createStore, DEFAULT_PLAN } = require('./store.cjs');
const { readBody, parseBody } = require('./multipart.cjs');
const { sendContent } = require('./content.cjs');
const { findRoute, apiError } = require('./routes.cjs');
const { createProfile } = require('./profiles.cjs');
const { spec } = require('./spec.cjs');

/** What the fake serves beyond the vendored /videos document (openapi/): not checked against it. */
const OUTSIDE_DOCUMENT = ['GET /models'];
const outsideDocument = (record) => OUTSIDE_DOCUMENT.includes(`${record.method} ${record.path}`);

const UNAUTHORIZED = apiError(401, 'Incorrect API key provided', { code: 'invalid_api_key' });
/** OpenAI's answer to a path it does not have. */
const unknownRoute = (record) => apiError(404, `Invalid URL (${record.method} ${record.url.split('?')[0]})`);

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
		/** Plans for jobs created with a given prompt (one item's job fails, the others finish). */
		jobPlansByPrompt: {},
		/** When set, POSTs that start a job beyond this many per second get 429 retry-after: 1. */
		createsPerSecond: undefined,
		/** Connections open at the same time, at most. */
		peakConnections: 0,
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
			api.jobPlansByPrompt = {};
			api.createsPerSecond = undefined;
			api.peakConnections = 0;
			acceptedCreates.length = 0;
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
		specViolations: [],
		takeSpecViolations: () => api.specViolations.splice(0),
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

	const acceptedCreates = [];
	let openConnections = 0;

	/** A create beyond the server's creates-per-second allowance: 429, as a rate-limited API answers. */
	function overRateLimit(record) {
		if (!api.createsPerSecond || record.method !== 'POST') return false;
		const now = Date.now();
		while (acceptedCreates.length && now - acceptedCreates[0] >= 1000) acceptedCreates.shift();
		if (acceptedCreates.length >= api.createsPerSecond) return true;
		acceptedCreates.push(now);
		return false;
	}

	function planFor(record) {
		const prompt = record.json?.prompt ?? record.form?.fields?.prompt;
		const byPrompt = prompt === undefined ? undefined : api.jobPlansByPrompt[prompt];
		return byPrompt ? { ...api.jobPlan, ...byPrompt } : api.jobPlan;
	}

	function violated(direction, record, operation, violation) {
		api.specViolations.push({ direction, method: record.method, path: record.path, operation: operation?.id ?? null, ...violation });
	}

	/** The request against the spec, in the profiles that check requests (recorded, even if scripted). */
	function checkRequest(record, segments, bodyError) {
		if (!profile.checksRequests(record) || outsideDocument(record)) return {};
		const checked = spec().checkRequest(record, segments, bodyError);
		if (checked.violation) violated('request', record, checked.operation, checked.violation);
		return checked;
	}

	/** Sends the server's own reply, checked against what the operation declares where the profile does. */
	function answer(res, reply, ctx, baseHeaders) {
		const violation = profile.checksAnswers && !outsideDocument(ctx.record) && spec().checkAnswer(ctx.operation, reply);
		if (violation) violated('answer', ctx.record, ctx.operation, violation);
		return sendReply(res, reply, baseHeaders);
	}

	async function handle(req, res) {
		const { record, segments } = describe(req);
		const requestId = `req_${api.requests.length + 1}`;
		api.requests.push(record);
		const scripted = takeScript(record); // consumed in arrival order
		record.body = await readBody(req);
		const { json, form, error: bodyError } = await parseBody(req.headers['content-type'], record.body);
		Object.assign(record, { json, form });
		const { operation, violation } = checkRequest(record, segments, bodyError);

		const baseHeaders = { 'x-request-id': requestId };
		if (scripted) {
			if (scripted.delayMs) await sleep(scripted.delayMs);
			if (playScript(req, res, scripted, baseHeaders) !== false) return;
		}
		const ctx = {
			operation,
			store,
			record,
			bodyError,
			jobPlan: planFor(record),
			segments,
			options: api.profileOptions,
			createDefaults: profile.createDefaults,
		};
		const shaped = (reply) => (profile.after ? profile.after(reply, ctx) : reply);
		if (!isAuthorized(req.headers, apiKey, profile.apiKeyHeader)) {
			return answer(res, profile.unauthorized?.() ?? UNAUTHORIZED, ctx, baseHeaders);
		}
		if (overRateLimit(record)) {
			return sendReply(res, { status: 429, headers: { 'retry-after': '1' }, json: { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } } }, baseHeaders);
		}
		if (violation && violation.code !== 'unknown_url') {
			const { message, param, code } = violation;
			return answer(res, shaped(apiError(400, message, { param, code })), ctx, baseHeaders);
		}
		const early = segments && profile.before?.(ctx);
		if (early) return answer(res, early, ctx, baseHeaders);
		const route = ctx.segments && findRoute(req.method, ctx.segments);
		if (!route) {
			const unknown = ctx.segments && profile.unknownRoute?.(ctx);
			return answer(res, unknown || shaped(unknownRoute(record)), ctx, baseHeaders);
		}
		return answer(res, shaped(route(ctx)), ctx, baseHeaders);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((err) => {
			if (res.headersSent) return void res.destroy(err);
			sendJson(res, apiError(500, `Fake API internal error: ${err.message}`, { type: 'server_error' }));
		});
	});

	server.on('connection', (socket) => {
		openConnections++;
		api.peakConnections = Math.max(api.peakConnections, openConnections);
		socket.on('close', () => openConnections--);
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
