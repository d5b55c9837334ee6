'use strict';
/*
 * Server profiles of the fake OpenAI Videos API: the gateways and self-hosted servers that carry
 * the API on after OpenAI retired it (issue 5), each answering the way that server does.
 *
 *   startFakeApi({ profile: 'litellm', profileOptions: { ... } })
 *
 * A profile is a set of hooks the server calls around its OpenAI routes (server.cjs):
 *   basePath            default base path of that server ('/v1', '/openai/v1', '/api/v1')
 *   defaults            default profileOptions (api.profileOptions = { ...defaults, ...given })
 *   apiKeyHeader        whether the `api-key` header is accepted besides Bearer (default true)
 *   videoId(n, fields)  ID of the n-th video (fields: what the video is created with)
 *   createDefaults      model/seconds/size a create falls back to
 *   unauthorized(ctx)   reply for a wrong or missing key
 *   before(ctx)         reply that replaces the OpenAI route, or undefined to go on; may set
 *                       ctx.segments (another ID spelling) or ctx.record (a changed query)
 *   after(reply, ctx)   reply of an OpenAI route as this server shapes it (errors, video fields)
 *   unknownRoute(ctx)   reply for a path the server does not have
 *   start() / close() / reset()   extra servers and per-profile state
 *   checksRequests(record)  whether this request is held to OpenAI's OpenAPI document (spec.cjs):
 *                       a violation is recorded in api.specViolations and answered 400 (through
 *                       after(), in the server's own error shape). true for the servers that are
 *                       OpenAI's API or hand the request to it unchanged: openai, relay, azure
 *                       (Azure's v1 API is OpenAI's), litellm for OpenAI models (the proxy passes
 *                       the body on and OpenAI rejects it; Gemini/Veo models go elsewhere). The
 *                       self-hosted servers (vllm, sglang, aquiles) and New API validate by their
 *                       own rules (e.g. SGLang takes seconds as an int), OpenRouter and Azure's
 *                       older jobs API are other APIs: they keep their own behaviour.
 *   checksAnswers       whether the fake's own answers are held to the document (openai only)
 *
 * Replies: { status, json, headers } | { content } (content.cjs) | { status, raw, headers }
 * (raw: the body as is, Buffer or string, with the content-type given in headers).
 *
 * Profiles (one per row of issue 5's table, plus two shapes that are not this API):
 *   openai        the reference, unchanged (the default)
 *   litellm       IDs video_<base64 of provider info> (150-250 chars, '+', '/', '=' padding);
 *                 GET answers the ID without its '=' padding (profileOptions.getIdSpelling:
 *                 'unpadded' | 'same'); both spellings are found; extra `usage`; a model with
 *                 'gemini'/'veo' in its name reports `processing` with created_at, progress,
 *                 seconds, size null; content always video/mp4 with an unquoted
 *                 `filename=<id>.mp4`, `variant` ignored; content asked for before completion
 *                 answers 200 video/mp4 with a JSON error body; DELETE 405
 *                 {"detail":"Method Not Allowed"}; GET /videos needs ?custom_llm_provider=
 *                 (else 400; gemini/vertex_ai: 400 unsupported); error codes are strings ("404")
 *   azure         base /openai/v1; `api-key` header or Bearer; any model (deployment) name;
 *                 at most profileOptions.createsPerWindow (2) creates per rolling
 *                 profileOptions.windowMs (60000), then 429 with retry-after:
 *                 profileOptions.retryAfterSeconds (1)
 *   newapi        IDs task_<26 chars> plus a duplicate `task_id`; running status
 *                 profileOptions.runningStatus ('unknown'), done profileOptions.completedStatus
 *                 ('completed'); no seconds/size/completed_at/expires_at; `video_url` and
 *                 `metadata.url` once completed; content 400 (JSON error) while running, 502
 *                 after a failure; GET /videos, DELETE and every other route it lacks: one-api's
 *                 404 {"error":{"message":"Invalid URL (GET /v1/videos)","type":"invalid_request_error",
 *                 "param":"","code":""}} (profileOptions.notFound 'relay', the default), or Gin's bare
 *                 404 text/plain '404 page not found' ('gin'); errors {"error":{"message","type"}}
 *                 without code; Bearer only
 *   vllm          create is multipart only (JSON: 415 with an error); IDs video_gen_<32 hex>;
 *                 content 404 while running, 422 after failure; DELETE of a running job 409;
 *                 no remix (404 {"detail":"Not Found"}, as every unknown route); error.code int;
 *                 wrong key 401 {"error":"Unauthorized"}; Bearer only
 *   sglang        a multipart create needs an `input_reference` file (else 400); content 404 until
 *                 completed; seconds as int
 *                 or string in requests, string in responses; size "" unless asked for; DELETE
 *                 answers the video with status "deleted"; list without has_more/first_id/
 *                 last_id; errors {"object":"error","message","type","param","code":int}
 *   aquiles       running status `processing`; no completed_at/expires_at; progress in steps
 *                 of 10; one job at a time (a create while a job runs: 503 {"detail":"busy"});
 *                 content 500 {"detail":...} while not completed; wrong key 403
 *                 {"detail":"Invalid API key"}; errors {"detail": ...}; an unknown `after`
 *                 cursor lists from the top
 *   relay         OpenAI, but /content of a completed video answers 302 to a signed URL on a
 *                 second loopback server (api.relayBaseUrl, 'http://localhost:<port>') that
 *                 serves the bytes as application/octet-stream and records every request it
 *                 gets in api.relayRequests ({ method, url, headers })
 *   openrouter    base /api/v1; POST /videos answers {"id":"gen-<n>","polling_url":...,
 *                 "status":"pending"}; GET /videos/{id} answers the same job shape; anything
 *                 else 404 {"error":{"message":"Not Found","code":404}}
 *   azure-legacy  base /openai/v1; POST /videos answers {"object":"video.generation.job",
 *                 "id":"task_<n>","status":"preprocessing",...}; GET /videos/{id} (and
 *                 everything else) 404 {"error":{"code":"404","message":"Resource not found"}}
 */
const crypto = require('node:crypto');
const http = require('node:http');
const { pipeline } = require('node:stream');

const { resolveContent } = require('./content.cjs');
const { TERMINAL } = require('./store.cjs');

const isRunning = (video) => !TERMINAL.has(video.status);
const hex = (n, length) => crypto.createHash('sha256').update(`fake-api:${n}`).digest('hex').slice(0, length);
const JOB_POSTS = new Set(['edits', 'extensions']);

/** Which OpenAI route a request is, from its method and decoded path segments. */
function routeOf(ctx) {
	const [root, a, b] = ctx.segments ?? [];
	if (root !== 'videos') return 'other';
	const n = ctx.segments.length;
	const method = ctx.record.method;
	if (n === 1) return method === 'POST' ? 'create' : method === 'GET' ? 'list' : 'other';
	if (n === 2 && method === 'POST' && JOB_POSTS.has(a)) return 'derive';
	if (a === 'characters') return 'character';
	if (n === 2) return method === 'GET' ? 'retrieve' : method === 'DELETE' ? 'delete' : 'other';
	if (n === 3 && method === 'GET' && b === 'content') return 'content';
	if (n === 3 && method === 'POST' && b === 'remix') return 'remix';
	return 'other';
}

const startsJob = (route) => route === 'create' || route === 'remix' || route === 'derive';

/** The API's own error of a reply: { status, message, code } or undefined. */
function errorOf(reply) {
	const error = reply?.json?.error;
	if (!(reply.status >= 400) || !error || typeof error !== 'object') return undefined;
	return { status: reply.status, message: error.message, code: error.code };
}

/** Applies `present` to every video of a JSON reply (a video, or a list of them). */
function mapVideos(reply, present) {
	const json = reply.json;
	if (!json || typeof json !== 'object' || !(reply.status >= 200 && reply.status < 300)) return reply;
	if (json.object === 'video') return { ...reply, json: present(json) };
	if (json.object === 'list' && Array.isArray(json.data)) {
		// Only videos: GET /models answers a list too.
		return { ...reply, json: { ...json, data: json.data.map((item) => (item?.object === 'video' ? present(item) : item)) } };
	}
	return reply;
}

/** An `after` hook that reshapes errors with `error(status, message, code)` and videos with `present`. */
function reshape({ error, present, list }) {
	return (reply, ctx) => {
		if (reply.content || reply.raw !== undefined) return reply;
		const failure = errorOf(reply);
		if (failure && error) {
			const shaped = error(failure.status, failure.message, failure.code);
			return { ...shaped, headers: { ...reply.headers, ...shaped.headers } };
		}
		let shaped = present ? mapVideos(reply, (video) => present(video, ctx)) : reply;
		if (list && shaped.json?.object === 'list') shaped = { ...shaped, json: list(shaped.json) };
		return shaped;
	};
}

/** Renames OpenAI's response headers as LiteLLM forwards them (`llm_provider-<name>`). */
function withProviderHeaderPrefix(after) {
	return (reply, ctx) => {
		const shaped = after(reply, ctx);
		const hint = shaped.headers?.['openai-poll-after-ms'];
		if (hint === undefined) return shaped;
		const { 'openai-poll-after-ms': _dropped, ...headers } = shaped.headers;
		return { ...shaped, headers: { ...headers, 'llm_provider-openai-poll-after-ms': hint } };
	};
}

const json = (status, body, headers) => ({ status, json: body, headers });
const text = (status, body, contentType = 'text/plain; charset=utf-8') => ({
	status,
	raw: body,
	headers: { 'content-type': contentType },
});
const detail = (status, message) => json(status, { detail: message });
const FASTAPI_NOT_FOUND = () => detail(404, 'Not Found');

// ---------------------------------------------------------------------------------------------

/** LiteLLM: `video_` + base64 of the provider info, 150-250 chars, with '+', '/' and '=' in it. */
function litellmVideoId(provider, model, upstreamId) {
	const info = `litellm:custom_llm_provider:${provider};model_id:${model};video_id:${upstreamId};sig:??>>??>>`;
	for (let pad = 0; pad < 200; pad++) {
		const id = `video_${Buffer.from(`${info};k:${'x'.repeat(pad)}`).toString('base64')}`;
		if (id.length >= 150 && id.length <= 250 && id.endsWith('=') && id.includes('+') && id.includes('/')) return id;
	}
	throw new Error(`fake-api: no LiteLLM-style ID for ${info}`);
}

const isGeminiModel = (model) => /gemini|veo|vertex/i.test(String(model ?? ''));

function litellm({ store }) {
	const error = (status, message) =>
		json(status, { error: { message, type: 'invalid_request_error', param: null, code: String(status) } });
	/** The stored ID for either spelling (with or without the '=' padding). */
	const stored = (id) => [id, `${id}=`, `${id}==`].find((candidate) => store.videos.has(candidate));
	return {
		basePath: '/v1',
		defaults: { getIdSpelling: 'unpadded' },
		checksRequests: (record) => !isGeminiModel((record.json ?? record.form?.fields)?.model),
		videoId(n, fields) {
			const model = fields.model ?? 'sora-2';
			return isGeminiModel(model)
				? litellmVideoId('gemini', model, `models/${String(model).replace(/^.*\//, '')}/operations/${hex(n, 12)}`)
				: litellmVideoId('openai', model, `video_${hex(n, 32)}`);
		},
		unauthorized: () =>
			json(401, {
				error: {
					message: 'Authentication Error, Invalid proxy server token passed. Received API Key = sk-...',
					type: 'auth_error',
					param: 'None',
					code: '401',
				},
			}),
		before(ctx) {
			const route = routeOf(ctx);
			const [, id] = ctx.segments;
			if (['retrieve', 'delete', 'content', 'remix'].includes(route) && stored(id) && stored(id) !== id) {
				ctx.segments = ['videos', stored(id), ...ctx.segments.slice(2)];
			}
			const videoId = ctx.segments[1];
			if (route === 'delete') return json(405, { detail: 'Method Not Allowed' }, { allow: 'GET' });
			if (route === 'list') {
				const provider = ctx.record.query.custom_llm_provider;
				if (!provider) {
					return error(400, 'custom_llm_provider is required for listing videos; pass it as a query parameter, e.g. ?custom_llm_provider=openai');
				}
				if (/gemini|vertex/i.test(provider)) return error(400, `Listing videos is not supported for custom_llm_provider=${provider}`);
				return undefined;
			}
			if (route === 'content') {
				const video = store.videos.get(videoId);
				if (!video) return error(404, `Video ${videoId} not found`);
				if (video.status !== 'completed') {
					// The upstream's "not ready" passed on as if it were the file.
					const body = JSON.stringify({ error: { message: 'Video is still processing', code: '500' } });
					return { status: 200, raw: body, headers: { 'content-type': 'video/mp4' } };
				}
				const content = resolveContent(videoId, 'video', store.getContent(videoId, 'video'));
				content.headers['content-type'] = 'video/mp4';
				content.headers['content-disposition'] = `attachment; filename=${videoId}.mp4`;
				return { content };
			}
			return undefined;
		},
		// LiteLLM hands the provider's headers on with a prefix: OpenAI's poll hint too.
		after: withProviderHeaderPrefix(reshape({
			error,
			present(video, ctx) {
				const out = { ...video, usage: { duration_seconds: Number(video.seconds) || null } };
				if (isGeminiModel(video.model)) {
					Object.assign(out, { created_at: null, seconds: null, size: null, usage: { duration_seconds: null } });
					if (isRunning(video)) Object.assign(out, { status: 'processing', progress: null });
				}
				if (routeOf(ctx) === 'retrieve' && ctx.options.getIdSpelling === 'unpadded') out.id = String(video.id).replace(/=+$/, '');
				return out;
			},
		})),
		unknownRoute: () => detail(404, 'Not Found'),
	};
}

// ---------------------------------------------------------------------------------------------

function azure() {
	let accepted = []; // Date.now() of each accepted create
	const error = (status, message, code) => json(status, { error: { code: String(code ?? status), message } });
	return {
		basePath: '/openai/v1',
		defaults: { createsPerWindow: 2, windowMs: 60_000, retryAfterSeconds: 1 },
		checksRequests: () => true,
		unauthorized: () =>
			error(401, 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'),
		before(ctx) {
			if (!startsJob(routeOf(ctx))) return undefined;
			const { createsPerWindow, windowMs, retryAfterSeconds } = ctx.options;
			const now = Date.now();
			accepted = accepted.filter((at) => now - at < windowMs);
			if (accepted.length >= createsPerWindow) {
				return json(
					429,
					{
						error: {
							code: '429',
							message: `Requests to the Create Video Generation Job Operation under Azure OpenAI API version v1 have exceeded the rate limit of your current pricing tier. Please retry after ${retryAfterSeconds} second.`,
						},
					},
					{ 'retry-after': String(retryAfterSeconds) },
				);
			}
			return undefined;
		},
		after(reply, ctx) {
			if (startsJob(routeOf(ctx)) && reply.status === 200) accepted.push(Date.now());
			return reply;
		},
		reset() {
			accepted = [];
		},
	};
}

// ---------------------------------------------------------------------------------------------

const NEWAPI_STATUS = { queued: 'queued', in_progress: 'runningStatus', completed: 'completedStatus', failed: 'failed' };

function newapi({ api, store }) {
	const error = (status, message, type = 'new_api_error') => json(status, { error: { message, type } });
	/** A route New API lacks: one-api's RelayNotFound, or Gin's own page without the web router. */
	const notFound = (ctx) =>
		ctx.options.notFound === 'gin'
			? text(404, '404 page not found')
			: json(404, {
					error: {
						message: `Invalid URL (${ctx.record.method} ${ctx.record.url.split('?')[0]})`,
						type: 'invalid_request_error',
						param: '',
						code: '',
					},
				});
	const contentUrl = (id) => `${api.baseUrl}/videos/${encodeURIComponent(id)}/content`;
	return {
		basePath: '/v1',
		apiKeyHeader: false,
		defaults: { runningStatus: 'unknown', completedStatus: 'completed', notFound: 'relay' },
		videoId: (n) => `task_${hex(n, 26)}`,
		unauthorized: () => error(401, 'Invalid token (request id: 20261122000000000000000000)'),
		before(ctx) {
			const route = routeOf(ctx);
			if (route === 'list' || route === 'delete') return notFound(ctx);
			if (route !== 'content') return undefined;
			const id = ctx.segments[1];
			const video = store.videos.get(id);
			if (!video) return error(404, `task not found: ${id}`, 'invalid_request_error');
			if (video.status === 'failed') {
				return error(502, `upstream task failed: ${video.error?.message ?? 'unknown error'}`, 'upstream_error');
			}
			if (video.status !== 'completed') {
				return error(400, `task is not completed yet, current status: ${video.status.toUpperCase()}`, 'invalid_request_error');
			}
			return undefined;
		},
		after: reshape({
			error: (status, message) => error(status, message),
			present(video, ctx) {
				const key = NEWAPI_STATUS[video.status];
				const status = key && key in ctx.options ? ctx.options[key] : (key ?? video.status);
				const out = {
					id: video.id,
					task_id: video.id,
					object: 'video',
					model: video.model,
					status,
					progress: video.progress,
					created_at: video.created_at,
				};
				if (video.error) out.error = { message: video.error.message };
				if (video.status === 'completed') {
					out.video_url = contentUrl(video.id);
					out.metadata = { url: contentUrl(video.id) };
				}
				return out;
			},
		}),
		unknownRoute: notFound,
	};
}

// ---------------------------------------------------------------------------------------------

const VLLM_ERROR_TYPES = { 400: 'BadRequestError', 404: 'NotFoundError', 409: 'ConflictError', 415: 'UnsupportedMediaTypeError', 422: 'UnprocessableEntityError' };

function vllm({ store }) {
	const error = (status, message) =>
		json(status, { error: { message, type: VLLM_ERROR_TYPES[status] ?? 'InternalServerError', param: null, code: status } });
	const intCode = (code) => (Number.isInteger(Number(code)) && code !== null && code !== '' ? Number(code) : 500);
	return {
		basePath: '/v1',
		apiKeyHeader: false,
		videoId: (n) => `video_gen_${hex(n, 32)}`,
		unauthorized: () => json(401, { error: 'Unauthorized' }),
		before(ctx) {
			const route = routeOf(ctx);
			const id = ctx.segments[1];
			if (route === 'create' && !ctx.record.form) {
				const type = String(ctx.record.headers['content-type'] ?? 'none').split(';')[0];
				return error(415, `Video generation requests must be multipart/form-data, got ${type}`);
			}
			if (route === 'remix' || route === 'derive') return FASTAPI_NOT_FOUND();
			const video = store.videos.get(id);
			if (route === 'content' && video && video.status === 'failed') return error(422, `Video ${id} failed; it has no content`);
			if (route === 'content' && video && video.status !== 'completed') {
				return error(404, `Video ${id} has no output yet (status: ${video.status})`);
			}
			if (route === 'delete' && video && isRunning(video)) return error(409, `Video ${id} is still ${video.status} and cannot be deleted`);
			return undefined;
		},
		after: reshape({
			error,
			present: (video) => (video.error ? { ...video, error: { ...video.error, code: intCode(video.error.code) } } : video),
		}),
		unknownRoute: FASTAPI_NOT_FOUND,
	};
}

// ---------------------------------------------------------------------------------------------

function sglang({ store }) {
	const error = (status, message) =>
		json(status, { object: 'error', message, type: status === 404 ? 'NotFoundError' : 'BadRequestError', param: null, code: status });
	const present = (video) => ({ ...video, seconds: video.seconds === null ? null : String(video.seconds) });
	return {
		basePath: '/v1',
		apiKeyHeader: false,
		createDefaults: { size: '' },
		unauthorized: () => error(401, 'Invalid API key'),
		before(ctx) {
			const route = routeOf(ctx);
			if (route === 'create' && ctx.record.form && !ctx.record.form.files.input_reference) {
				return error(400, 'input_reference file is required for multipart/form-data requests');
			}
			if (route === 'content' && store.videos.has(ctx.segments[1]) && store.videos.get(ctx.segments[1]).status !== 'completed') {
				const video = store.videos.get(ctx.segments[1]);
				return error(404, `Video ${video.id} has no output file yet (status: ${video.status})`);
			}
			if (route === 'delete') {
				const id = ctx.segments[1];
				const video = store.videos.get(id);
				if (!video) return error(404, `Video ${id} not found`);
				const answer = { ...present(video), status: 'deleted' };
				store.deleteVideo(id);
				return json(200, answer);
			}
			return undefined;
		},
		after: reshape({
			error,
			present,
			list: ({ has_more: _more, first_id: _first, last_id: _last, ...rest }) => rest,
		}),
		unknownRoute: () => detail(404, 'Not Found'),
	};
}

// ---------------------------------------------------------------------------------------------

function aquiles({ store }) {
	return {
		basePath: '/v1',
		apiKeyHeader: false,
		unauthorized: () => detail(403, 'Invalid API key'),
		before(ctx) {
			const route = routeOf(ctx);
			if (startsJob(route) && [...store.videos.values()].some(isRunning)) return detail(503, 'busy');
			if (route === 'content') {
				const video = store.videos.get(ctx.segments[1]);
				if (video && video.status !== 'completed') {
					return detail(500, `Video ${video.id} is still being generated (status: ${video.status === 'in_progress' ? 'processing' : video.status})`);
				}
			}
			if (route === 'list' && ctx.record.query.after && !store.videos.has(ctx.record.query.after)) {
				// An unknown cursor lists from the top instead of failing.
				const { after: _unknown, ...query } = ctx.record.query;
				ctx.record = { ...ctx.record, query };
			}
			return undefined;
		},
		after: reshape({
			error: (status, message) => detail(status, message),
			present(video) {
				const { completed_at: _completed, expires_at: _expires, ...out } = video;
				if (out.status === 'in_progress') out.status = 'processing';
				if (typeof out.progress === 'number') out.progress = Math.floor(out.progress / 10) * 10;
				return out;
			},
		}),
		unknownRoute: FASTAPI_NOT_FOUND,
	};
}

// ---------------------------------------------------------------------------------------------

function relay({ api, store }) {
	const secret = crypto.randomBytes(16).toString('hex');
	const sign = (id, variant, expires) =>
		crypto.createHmac('sha256', secret).update(`${id}\n${variant}\n${expires}`).digest('hex');
	let server;

	function serveSigned(req, res) {
		api.relayRequests.push({ method: req.method, url: req.url, headers: { ...req.headers } });
		const url = new URL(req.url ?? '/', 'http://relay.invalid');
		const match = /^\/signed\/([^/]+)\/([^/]+)$/.exec(url.pathname);
		const id = match ? decodeURIComponent(match[1]) : undefined;
		const variant = match?.[2];
		const expires = url.searchParams.get('se') ?? '';
		const valid = match && url.searchParams.get('sig') === sign(id, variant, expires) && Number(expires) > Date.now();
		if (!valid || !store.videos.has(id)) {
			const body = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code></Error>';
			res.writeHead(valid ? 404 : 403, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)) });
			return void res.end(body);
		}
		const resolved = resolveContent(id, variant, store.getContent(id, variant));
		const headers = { 'content-type': 'application/octet-stream' };
		if (resolved.headers['content-length']) headers['content-length'] = resolved.headers['content-length'];
		res.writeHead(200, headers);
		if (resolved.body) return void res.end(resolved.body);
		pipeline(resolved.stream, res, () => {});
	}

	return {
		basePath: '/v1',
		checksRequests: () => true,
		async start() {
			server = http.createServer(serveSigned);
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', resolve);
			});
			api.relayBaseUrl = `http://localhost:${server.address().port}`;
		},
		before(ctx) {
			if (routeOf(ctx) !== 'content') return undefined;
			const id = ctx.segments[1];
			const variant = ctx.record.query.variant ?? 'video';
			const video = store.videos.get(id);
			if (!video || video.status !== 'completed' || !['video', 'thumbnail', 'spritesheet'].includes(variant)) return undefined;
			const expires = Date.now() + 10 * 60 * 1000;
			const location = `${api.relayBaseUrl}/signed/${encodeURIComponent(id)}/${variant}?se=${expires}&sig=${sign(id, variant, expires)}`;
			return { status: 302, raw: '', headers: { location, 'content-type': 'text/plain' } };
		},
		close() {
			if (!server) return Promise.resolve();
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections?.();
			});
		},
	};
}

// ---------------------------------------------------------------------------------------------

const OPENROUTER_STATUS = { queued: 'pending', in_progress: 'in_progress', completed: 'completed', failed: 'failed' };

function openrouter({ api, store }) {
	const notFound = () => json(404, { error: { message: 'Not Found', code: 404 } });
	const job = (video) => ({
		id: video.id,
		polling_url: `${api.baseUrl}/videos/${encodeURIComponent(video.id)}`,
		status: OPENROUTER_STATUS[video.status] ?? video.status,
		...(video.status === 'completed' ? { unsigned_urls: [`${api.baseUrl}/videos/${encodeURIComponent(video.id)}/content?index=0`] } : {}),
	});
	return {
		basePath: '/api/v1',
		videoId: (n) => `gen-${n}`,
		unauthorized: () => json(401, { error: { message: 'No auth credentials found', code: 401 } }),
		before(ctx) {
			const route = routeOf(ctx);
			if (route === 'create') {
				const params = ctx.record.json ?? ctx.record.form?.fields ?? {};
				if (typeof params.prompt !== 'string' || !params.prompt.trim()) {
					return json(400, { error: { message: 'prompt is required', code: 400 } });
				}
				const video = store.createJob({ prompt: params.prompt, model: String(params.model ?? 'google/veo-3.1') }, ctx.jobPlan);
				return json(200, job(video));
			}
			if (route === 'retrieve' && store.videos.has(ctx.segments[1])) {
				store.poll(ctx.segments[1]);
				return json(200, job(store.videos.get(ctx.segments[1])));
			}
			return notFound();
		},
		unknownRoute: notFound,
	};
}

// ---------------------------------------------------------------------------------------------

function azureLegacy({ store }) {
	const notFound = () => json(404, { error: { code: '404', message: 'Resource not found' } });
	return {
		basePath: '/openai/v1',
		videoId: (n) => `task_${n}`,
		unauthorized: () =>
			json(401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } }),
		before(ctx) {
			if (routeOf(ctx) !== 'create') return notFound();
			const params = ctx.record.json ?? ctx.record.form?.fields ?? {};
			const video = store.createJob({ prompt: String(params.prompt ?? ''), model: String(params.model ?? 'sora') }, ctx.jobPlan);
			return json(200, {
				object: 'video.generation.job',
				id: video.id,
				status: 'preprocessing',
				created_at: video.created_at,
				finished_at: null,
				expires_at: null,
				generations: [],
				prompt: video.prompt,
				model: video.model,
				n_variants: 1,
				n_seconds: Number(params.n_seconds ?? 5),
				height: 480,
				width: 480,
				inpaint_items: null,
				failure_reason: null,
			});
		},
		unknownRoute: notFound,
	};
}

// ---------------------------------------------------------------------------------------------

const PROFILES = {
	openai: () => ({ checksRequests: () => true, checksAnswers: true }),
	litellm,
	azure,
	newapi,
	vllm,
	sglang,
	aquiles,
	relay,
	openrouter,
	'azure-legacy': azureLegacy,
};

const PROFILE_NAMES = Object.freeze(Object.keys(PROFILES));

/** The hooks of a profile for one fake server; env = { api, store }. */
function createProfile(name, env) {
	const factory = PROFILES[name];
	if (!factory) throw new Error(`fake-api: unknown profile '${name}' (known: ${PROFILE_NAMES.join(', ')})`);
	return { name, apiKeyHeader: true, defaults: {}, checksRequests: () => false, checksAnswers: false, ...factory(env) };
}

module.exports = { createProfile, PROFILE_NAMES, litellmVideoId };
