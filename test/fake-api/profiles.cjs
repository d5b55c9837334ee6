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
 * Sources. Every behaviour a profile copies from a real server carries a comment beside the code
 * that makes it, one per behaviour:
 *   // source: <owner>/<repo> <path>@<commit, 7+ hex>   a file in the server's public repository
 *   // source: <https://…>                               a docs page, issue or pull request
 *   // source: none found (assumed: <why>)               nothing public found; says what it rests on
 * Several sources for one behaviour are joined with ' + '. A commit is the version that was read
 * (November/December 2026); later versions may differ, and "was:" notes what the fake did before a
 * source corrected it. OpenAI's own behaviour (the 'openai' profile, routes.cjs, spec-overrides.cjs)
 * rests on the API reference and OpenAPI document in /work/shared/reference/ (public at
 * https://developers.openai.com/api/reference/resources/videos and github.com/openai/openai-openapi).
 *
 * Profiles (one per row of issue 5's table, plus two shapes that are not this API):
 *   openai        the reference, unchanged (the default)
 *   litellm       IDs video_<base64 of provider info> (150-250 chars, '+', '/', '=' padding);
 *                 GET answers the ID without its '=' padding (profileOptions.getIdSpelling:
 *                 'unpadded' | 'same'); both spellings are found; extra `usage`; a model with
 *                 'gemini'/'veo' in its name reports `processing` with created_at, progress,
 *                 seconds, size null; content always video/mp4 with an unquoted
 *                 `filename=video_<id>.mp4`, `variant` ignored; content asked for before completion
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
 *                 `metadata.url` once completed; content 400 (JSON error) until completed, a
 *                 failed task too; GET /videos, DELETE and every other route it lacks: one-api's
 *                 404 {"error":{"message":"Invalid URL (GET /v1/videos)","type":"invalid_request_error",
 *                 "param":"","code":""}} (profileOptions.notFound 'relay', the default), or Gin's bare
 *                 404 text/plain '404 page not found' ('gin'); errors {"error":{"message","type"}}
 *                 without code; Bearer only
 *   vllm          create is multipart only (JSON: 400, vLLM's validation error); IDs
 *                 video_gen_<32 hex>; content 404 while running, 422 after failure; DELETE of a
 *                 running job cancels it (profileOptions.deleteRunning 'cancel'; 'conflict': 409);
 *                 no remix (404 {"detail":"Not Found"}, as every unknown route); errors
 *                 {"error":{"message","type":<HTTP phrase>,"param":null,"code":int}};
 *                 wrong key 401 {"error":"Unauthorized"}; Bearer only
 *   sglang        a multipart create needs an `input_reference` file (else 400); content 404 until
 *                 completed; seconds as int or string in requests, string in responses; size ""
 *                 unless asked for; DELETE answers the video with status "deleted"; list without
 *                 has_more/first_id/last_id, an unknown `after` gives an empty page; errors
 *                 {"detail": ...}
 *   aquiles       running status `processing`; no completed_at/expires_at; progress in steps
 *                 of 10; one job at a time (a create while a job runs: 503 {"detail":"The limit
 *                 of 1 concurrent tasks has been reached. …"});
 *                 content 500 text/plain "Internal Server Error" while not completed; wrong key 403
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
// source: BerriAI/litellm litellm/litellm_core_utils/core_helpers.py@004c2c4 (process_response_headers: every provider header is also sent as "llm_provider-<name>")
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
// source: https://fastapi.tiangolo.com/tutorial/handling-errors/ (HTTPException answers {"detail": ...}; an unknown path {"detail":"Not Found"})
const detail = (status, message) => json(status, { detail: message });
const FASTAPI_NOT_FOUND = () => detail(404, 'Not Found');

// ---------------------------------------------------------------------------------------------

/** LiteLLM: `video_` + base64 of the provider info, 150-250 chars, with '+', '/' and '=' in it. */
// source: BerriAI/litellm litellm/types/videos/utils.py@029f645 (encode_video_id_with_provider: "video_" + base64("litellm:custom_llm_provider:{};model_id:{};video_id:{}")) + https://github.com/BerriAI/litellm/pull/16192
// source: none found for the ';sig:??>>??>>;k:xxx' tail (assumed: the fake's own, to force '+', '/' and '=' into the base64; real IDs have them or not by chance)
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
	// source: BerriAI/litellm litellm/litellm_core_utils/core_helpers.py@004c2c4 ("ProxyException stores the status on .code (as a str)") + https://github.com/jasonacox/TinyLLM/issues/17 (a LiteLLM error body: "type", "param": null, "code": "429")
	const error = (status, message) =>
		json(status, { error: { message, type: 'invalid_request_error', param: null, code: String(status) } });
	/** The stored ID for either spelling (with or without the '=' padding). */
	// source: BerriAI/litellm litellm/types/videos/utils.py@029f645 (_add_base64_padding: "IDs copied without trailing '=' chars" are decoded too)
	const stored = (id) => [id, `${id}=`, `${id}==`].find((candidate) => store.videos.has(candidate));
	return {
		// source: BerriAI/litellm litellm/proxy/video_endpoints/endpoints.py@02ac6ac (every route at "/v1/videos…" and "/videos…")
		basePath: '/v1',
		// source: none found for the exact spelling (assumed: GET re-encodes the ID, so it differs from the created one; the
		// Gemini and hosted_vllm status transforms re-encode with another model_id: BerriAI/litellm
		// litellm/llms/gemini/videos/transformation.py@08f4a27 + https://github.com/BerriAI/litellm/pull/38148; 'unpadded' stands for "another spelling")
		defaults: { getIdSpelling: 'unpadded' },
		// source: BerriAI/litellm litellm/llms/openai/videos/transformation.py@00e06b8 (map_openai_params: "No mapping applied since inputs are in OpenAI spec already")
		checksRequests: (record) => !isGeminiModel((record.json ?? record.form?.fields)?.model),
		videoId(n, fields) {
			const model = fields.model ?? 'sora-2';
			// source: BerriAI/litellm litellm/llms/gemini/videos/transformation.py@08f4a27 (the upstream ID is the operation name) + litellm/types/videos/utils.py@029f645
			return isGeminiModel(model)
				? litellmVideoId('gemini', model, `models/${String(model).replace(/^.*\//, '')}/operations/${hex(n, 12)}`)
				: litellmVideoId('openai', model, `video_${hex(n, 32)}`);
		},
		// source: none found in LiteLLM's own files (assumed: the message, type auth_error and string code as LiteLLM users quote them,
		// e.g. the ProxyException(message="Authentication Error, Invalid proxy server token passed.", type="auth_error", code=401) in public tests)
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
			// source: BerriAI/litellm litellm/proxy/video_endpoints/endpoints.py@02ac6ac (no DELETE route on /videos/{video_id}, GET exists: FastAPI answers 405)
			if (route === 'delete') return json(405, { detail: 'Method Not Allowed' }, { allow: 'GET' });
			if (route === 'list') {
				const provider = ctx.record.query.custom_llm_provider;
				// source: https://github.com/BerriAI/litellm/pull/16121 (list without a model or custom_llm_provider failed with ProxyModelNotFoundError)
				// + https://github.com/BerriAI/litellm/issues/22130; status 400 and this message: none found (assumed)
				if (!provider) {
					return error(400, 'custom_llm_provider is required for listing videos; pass it as a query parameter, e.g. ?custom_llm_provider=openai');
				}
				// source: BerriAI/litellm litellm/llms/gemini/videos/transformation.py@08f4a27 (transform_video_list_request: "Video list is not supported by Google Veo"); status 400: none found (assumed)
				if (/gemini|vertex/i.test(provider)) return error(400, `Listing videos is not supported for custom_llm_provider=${provider}`);
				return undefined;
			}
			if (route === 'content') {
				const video = store.videos.get(videoId);
				// source: none found (assumed: a 404 with LiteLLM's string code; by PR #32602 below, the upstream's 404 may come back as 200 video/mp4 too)
				if (!video) return error(404, `Video ${videoId} not found`);
				if (video.status !== 'completed') {
					// The upstream's "not ready" passed on as if it were the file.
					// source: https://github.com/BerriAI/litellm/pull/32602 (open: the content handler lacks raise_for_status, so the upstream's 404 JSON comes back as 200 video/mp4)
					// The body's wording: none found (assumed; the PR shows OpenAI's own 404 JSON passed through).
					const body = JSON.stringify({ error: { message: 'Video is still processing', code: '500' } });
					return { status: 200, raw: body, headers: { 'content-type': 'video/mp4' } };
				}
				// source: BerriAI/litellm litellm/proxy/video_endpoints/endpoints.py@02ac6ac (video_content: data holds only video_id, `variant` is not read;
				// Response(media_type="video/mp4", Content-Disposition "attachment; filename=video_{video_id}.mp4"); was: filename=<id>.mp4
				const content = resolveContent(videoId, 'video', store.getContent(videoId, 'video'));
				content.headers['content-type'] = 'video/mp4';
				content.headers['content-disposition'] = `attachment; filename=video_${videoId}.mp4`;
				return { content };
			}
			return undefined;
		},
		// LiteLLM hands the provider's headers on with a prefix: OpenAI's poll hint too.
		after: withProviderHeaderPrefix(reshape({
			error,
			present(video, ctx) {
				// source: BerriAI/litellm litellm/llms/openai/videos/transformation.py@00e06b8 (usage = {"duration_seconds": float(seconds)} on create and remix;
				// on GET and list too: none found (assumed))
				const out = { ...video, usage: { duration_seconds: Number(video.seconds) || null } };
				if (isGeminiModel(video.model)) {
					// source: BerriAI/litellm litellm/llms/gemini/videos/transformation.py@08f4a27 (VideoObject(id, object, status="processing" | "completed"): every other field null)
					Object.assign(out, { created_at: null, seconds: null, size: null, usage: { duration_seconds: null } });
					if (isRunning(video)) Object.assign(out, { status: 'processing', progress: null });
				}
				// source: see defaults.getIdSpelling above
				if (routeOf(ctx) === 'retrieve' && ctx.options.getIdSpelling === 'unpadded') out.id = String(video.id).replace(/=+$/, '');
				return out;
			},
		})),
		// source: https://fastapi.tiangolo.com/tutorial/handling-errors/ (LiteLLM's proxy is a FastAPI app: litellm/proxy/video_endpoints/endpoints.py@02ac6ac uses APIRouter)
		unknownRoute: () => detail(404, 'Not Found'),
	};
}

// ---------------------------------------------------------------------------------------------

function azure() {
	let accepted = []; // Date.now() of each accepted create
	// source: https://github.com/weaviate/weaviate/issues/3095 + https://github.com/microsoft/copilot-camp/issues/551 (Azure OpenAI errors {"error":{"code":"429","message":...}}, code a string)
	const error = (status, message, code) => json(status, { error: { code: String(code ?? status), message } });
	return {
		// source: https://learn.microsoft.com/en-us/azure/foundry/openai/concepts/video-generation ("Sora 2 uses the Azure OpenAI v1 API, aligning with OpenAI's native Sora 2 schema")
		// + https://docs.litellm.ai/docs/providers/azure/videos (base https://{resource}.openai.azure.com, model azure/sora-2 = the deployment)
		basePath: '/openai/v1',
		// source: https://learn.microsoft.com/en-us/azure/foundry/openai/quotas-limits ("Default Sora 2 quota limits": "2 job requests per minute"; an older
		// version of the page says "2 parallel tasks"); the 1 s retry-after is the fake's, to keep tests short (assumed)
		defaults: { createsPerWindow: 2, windowMs: 60_000, retryAfterSeconds: 1 },
		// source: https://learn.microsoft.com/en-us/azure/foundry/openai/concepts/video-generation (the v1 API is OpenAI's Sora 2 schema)
		checksRequests: () => true,
		// source: Azure/azure-sdk-for-js sdk/metricsadvisor/ai-metrics-advisor/recordings/node/metricsadvisoradministrationclient_datafeed_datafeed/recording_lists_datafeed_by_pages.js
		// (an Azure AI services 401 as recorded: {"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. …"}}); `api-key` header or Bearer:
		// https://learn.microsoft.com/en-us/azure/ai-foundry/openai/reference (api-key header; Entra ID Bearer) — a Bearer *key* on /openai/v1: none found (assumed: the v1 API takes OpenAI clients as they are)
		unauthorized: () =>
			error(401, 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'),
		before(ctx) {
			if (!startsJob(routeOf(ctx))) return undefined;
			const { createsPerWindow, windowMs, retryAfterSeconds } = ctx.options;
			const now = Date.now();
			accepted = accepted.filter((at) => now - at < windowMs);
			if (accepted.length >= createsPerWindow) {
				// source: https://github.com/weaviate/weaviate/issues/3095 (Azure's 429 "Requests to the … Operation under Azure OpenAI API version … have exceeded
				// … rate limit of your current … pricing tier. Please retry after N seconds") + https://github.com/icereed/paperless-gpt/issues/814 (with a Retry-After header);
				// the operation name for video jobs: none found (assumed)
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
/** New API's own task statuses, as its content route names them. */
// source: QuantumNous/new-api model/task.go (TaskStatus: NOT_START, SUBMITTED, QUEUED, IN_PROGRESS, FAILURE, SUCCESS, UNKNOWN)
const NEWAPI_TASK_STATUS = { queued: 'QUEUED', in_progress: 'IN_PROGRESS', completed: 'SUCCESS', failed: 'FAILURE' };

function newapi({ api, store }) {
	// source: QuantumNous/new-api controller/video_proxy.go@87d34ad (errors {"error":{"message","type"}}, no code); the type 'new_api_error'
	// for other errors: QuantumNous/new-api controller/relay.go (RelayNotImplemented's Type "new_api_error")
	const error = (status, message, type = 'new_api_error') => json(status, { error: { message, type } });
	/** A route New API lacks: one-api's RelayNotFound, or Gin's own page without the web router. */
	// source: QuantumNous/new-api controller/relay.go (RelayNotFound: 404 {"error":{"message":"Invalid URL (<method> <path>)","type":"invalid_request_error","param":"","code":""}});
	// 'gin': gin-gonic/gin gin.go (default404Body "404 page not found", text/plain, for a path no route has); which New API builds answer so: none found (assumed)
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
		// source: QuantumNous/new-api router/video-router.go@01f6839 (router.Group("/v1"): POST /videos, GET /videos/:task_id, GET /videos/:task_id/content, POST /videos/:video_id/remix)
		basePath: '/v1',
		// source: none found for the header New API reads (assumed: its TokenAuth reads `Authorization: Bearer`, as one-api's does)
		apiKeyHeader: false,
		// source: QuantumNous/new-api dto/openai_video.go@705748d (VideoStatusUnknown = "unknown") + model/task.go (ToVideoStatus: every status but
		// QUEUED/SUBMITTED/IN_PROGRESS/SUCCESS/FAILURE is "unknown"); 'unknown' for a running job is the fake's pick of the worst case (assumed)
		defaults: { runningStatus: 'unknown', completedStatus: 'completed', notFound: 'relay' },
		// source: none found for the ID's form (assumed: New API's public task IDs "task_" + random letters and digits; 26 chars is the fake's)
		videoId: (n) => `task_${hex(n, 26)}`,
		// source: none found (assumed: one-api's TokenAuth message "Invalid token" with New API's request-id suffix)
		unauthorized: () => error(401, 'Invalid token (request id: 20261122000000000000000000)'),
		before(ctx) {
			const route = routeOf(ctx);
			// source: QuantumNous/new-api router/video-router.go@01f6839 (no GET /videos, no DELETE /videos/:id; NoRoute answers RelayNotFound)
			if (route === 'list' || route === 'delete') return notFound(ctx);
			if (route !== 'content') return undefined;
			const id = ctx.segments[1];
			const video = store.videos.get(id);
			// source: QuantumNous/new-api controller/video_proxy.go@87d34ad (unknown task: 404 "Task not found"); was: "task not found: <id>"
			if (!video) return error(404, 'Task not found', 'invalid_request_error');
			// source: QuantumNous/new-api controller/video_proxy.go@87d34ad (any status but SUCCESS, a failed task too: 400 "Task is not completed yet,
			// current status: <STATUS>"; 502 only when fetching from the upstream fails); was: 502 "upstream task failed" after a failure
			if (video.status !== 'completed') {
				const current = NEWAPI_TASK_STATUS[video.status] ?? 'UNKNOWN';
				return error(400, `Task is not completed yet, current status: ${current}`, 'invalid_request_error');
			}
			return undefined;
		},
		after: reshape({
			error: (status, message) => error(status, message),
			present(video, ctx) {
				const key = NEWAPI_STATUS[video.status];
				const status = key && key in ctx.options ? ctx.options[key] : (key ?? video.status);
				// source: QuantumNous/new-api model/task.go (ToOpenAIVideo: id, object "video", model, status, progress, created_at) + dto/openai_video.go@705748d
				// (seconds, size, expires_at "omitempty"; `task_id` "kept for the old interface, to be deprecated"). Not copied: ToOpenAIVideo also
				// sets completed_at = updated_at on every task; task_id on every answer: none found (assumed)
				const out = {
					id: video.id,
					task_id: video.id,
					object: 'video',
					model: video.model,
					status,
					progress: video.progress,
					created_at: video.created_at,
				};
				// source: QuantumNous/new-api dto/openai_video.go@705748d (OpenAIVideoError {message, code}; the fake drops code, assumed from the issue-5 survey)
				if (video.error) out.error = { message: video.error.message };
				if (video.status === 'completed') {
					// source: none found for a top-level video_url (assumed; New API sets metadata.video_url only when it serves a task from its R2 copy, in its GetVideoTaskStatus handler)
					out.video_url = contentUrl(video.id);
					// source: QuantumNous/new-api model/task.go (ToOpenAIVideo: SetMetadata("url", t.GetResultURL()))
					out.metadata = { url: contentUrl(video.id) };
				}
				return out;
			},
		}),
		unknownRoute: notFound,
	};
}

// ---------------------------------------------------------------------------------------------

/** vLLM's error `type`: the HTTP status phrase. */
// source: vllm-project/vllm vllm/entrypoints/openai/api_server.py (build_app: http_exception_handler answers
// {"error":{"message","type":HTTPStatus(code).phrase,"param":null,"code":int}}); was: 'BadRequestError', 'NotFoundError', …
const VLLM_ERROR_TYPES = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity' };

function vllm({ store }) {
	// source: see VLLM_ERROR_TYPES; vLLM-Omni serves on vLLM's app: vllm-project/vllm-omni vllm_omni/entrypoints/openai/api_server.py@be81443 (imports build_app)
	const error = (status, message) =>
		json(status, { error: { message, type: VLLM_ERROR_TYPES[status] ?? 'Internal Server Error', param: null, code: status } });
	const intCode = (code) => (Number.isInteger(Number(code)) && code !== null && code !== '' ? Number(code) : 500);
	return {
		// source: https://github.com/vllm-project/vllm-omni/pull/1073 (POST /v1/videos) + https://github.com/vllm-project/vllm-omni/pull/1665 (retrieve/list/content/delete)
		basePath: '/v1',
		// source: vllm-project/vllm vllm/entrypoints/openai/api_server.py (AuthenticationMiddleware: only `Authorization: Bearer <key>` on /v1)
		apiKeyHeader: false,
		// source: vllm-project/vllm-omni vllm_omni/entrypoints/openai/serving_video.py (request_id = f"video_gen_{uuid.uuid4().hex}", the version before
		// the async job API; the job IDs of PR #1665: none found, assumed the same)
		videoId: (n) => `video_gen_${hex(n, 32)}`,
		// source: vllm-project/vllm vllm/entrypoints/openai/api_server.py (AuthenticationMiddleware: 401 {"error": "Unauthorized"})
		unauthorized: () => json(401, { error: 'Unauthorized' }),
		// deleteRunning: 'cancel' (vLLM-Omni's) or 'conflict' (a 409, kept so the node's handling of one stays tested)
		defaults: { deleteRunning: 'cancel' },
		before(ctx) {
			const route = routeOf(ctx);
			const id = ctx.segments[1];
			// source: vllm-project/vllm-omni tests/entrypoints/openai_api/test_video_server.py@069fabd (every create is form data; `prompt` is a required
			// form field: missing, it fails validation) + vllm-project/vllm vllm/entrypoints/openai/api_server.py (validation_exception_handler: 400 "Bad Request")
			// + https://github.com/BerriAI/litellm/pull/38148 ("vLLM Omni rejects JSON /v1/videos create bodies", "returns 400"); was: 415
			if (route === 'create' && !ctx.record.form) {
				return error(400, "1 validation error:\n  {'type': 'missing', 'loc': ('body', 'prompt'), 'msg': 'Field required', 'input': None}");
			}
			// source: vllm-project/vllm-omni tests/entrypoints/openai_api/test_video_server.py@069fabd (routes: POST /v1/videos, /v1/videos/sync, GET list,
			// GET /{id}, GET /{id}/content, DELETE /{id}; no remix, edits or extensions) + FastAPI's 404 for a path no route has
			if (route === 'remix' || route === 'derive') return FASTAPI_NOT_FOUND();
			const video = store.videos.get(id);
			// source: none found (assumed: a failed job has no file; 422 as the issue-5 survey noted)
			if (route === 'content' && video && video.status === 'failed') return error(422, `Video ${id} failed; it has no content`);
			// source: none found (assumed: content before the file exists is a 404, as the issue-5 survey noted)
			if (route === 'content' && video && video.status !== 'completed') {
				return error(404, `Video ${id} has no output yet (status: ${video.status})`);
			}
			// source: vllm-project/vllm-omni tests/entrypoints/openai_api/test_video_server.py@069fabd (test_delete_in_progress_job_cancels_task_and_removes_metadata:
			// 200 {"object":"video.deleted"}) + https://github.com/vllm-project/vllm-omni/pull/6759 (DELETE aborts the engine request); was: 409 always.
			// 'conflict': none found (assumed: an older build or another server that refuses)
			if (route === 'delete' && video && isRunning(video) && ctx.options.deleteRunning === 'conflict') {
				return error(409, `Video ${id} is still ${video.status} and cannot be deleted`);
			}
			return undefined;
		},
		after: reshape({
			error,
			// source: vllm-project/vllm-omni tests/entrypoints/openai_api/test_video_server.py@069fabd (a failed job's error.code is an int: 400, 500)
			present: (video) => (video.error ? { ...video, error: { ...video.error, code: intCode(video.error.code) } } : video),
		}),
		// source: https://fastapi.tiangolo.com/tutorial/handling-errors/ (a path no route has: Starlette's 404 {"detail":"Not Found"}, which vLLM's
		// handler for FastAPI's HTTPException subclass does not catch)
		unknownRoute: FASTAPI_NOT_FOUND,
	};
}

// ---------------------------------------------------------------------------------------------

function sglang({ store }) {
	// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py@25f03e6 (HTTPException(status_code, detail=…)) + sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/http_server.py@ba8af6f
	// (no exception handler: FastAPI's {"detail": …}); was: {"object":"error","message","type","param","code":int}, the shape of SGLang's LLM server
	const error = (status, message) => detail(status, message);
	// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/protocol.py@020befb (VideoResponse.seconds: str = "4";
	// VideoGenerationsRequest.seconds: Optional[int]) + sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py@25f03e6 (multipart `seconds: Optional[int] = Form(None)`)
	const present = (video) => ({ ...video, seconds: video.seconds === null ? null : String(video.seconds) });
	return {
		// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py@25f03e6 (APIRouter(prefix="/v1/videos"))
		basePath: '/v1',
		apiKeyHeader: false,
		// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/protocol.py@020befb (VideoGenerationsRequest.size = "", VideoResponse.size = "")
		createDefaults: { size: '' },
		// source: none found (assumed: the diffusion server at these commits checks no key; a deployment behind a key-checking proxy answers 401)
		unauthorized: () => error(401, 'Invalid API key'),
		before(ctx) {
			const route = routeOf(ctx);
			// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py@25f03e6 (multipart: 400 "input_reference file is required")
			if (route === 'create' && ctx.record.form && !ctx.record.form.files.input_reference) {
				return error(400, 'input_reference file is required');
			}
			// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py@25f03e6 (content before the file exists: 404 "Generation is still in-progress"); was: "Video <id> has no output file yet …"
			if (route === 'content' && store.videos.has(ctx.segments[1]) && store.videos.get(ctx.segments[1]).status !== 'completed') {
				return error(404, 'Generation is still in-progress');
			}
			// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py@25f03e6 (list: an `after` it does not know gives an empty page); was: OpenAI's 400
			if (route === 'list' && ctx.record.query.after && !store.videos.has(ctx.record.query.after)) {
				return json(200, { data: [], object: 'list' });
			}
			if (route === 'delete') {
				const id = ctx.segments[1];
				const video = store.videos.get(id);
				// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py@25f03e6 (DELETE of an unknown ID: 404 "Video not found"; otherwise the job popped and answered with status "deleted")
				if (!video) return error(404, 'Video not found');
				const answer = { ...present(video), status: 'deleted' };
				store.deleteVideo(id);
				return json(200, answer);
			}
			return undefined;
		},
		after: reshape({
			error,
			present,
			// source: sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/protocol.py@020befb (VideoListResponse: data, object only)
			list: ({ has_more: _more, first_id: _first, last_id: _last, ...rest }) => rest,
		}),
		// source: https://fastapi.tiangolo.com/tutorial/handling-errors/ (the diffusion server is a FastAPI app: http_server.py@ba8af6f)
		unknownRoute: () => detail(404, 'Not Found'),
	};
}

// ---------------------------------------------------------------------------------------------

function aquiles({ store }) {
	return {
		// source: Aquiles-ai/Aquiles-Image aquilesimage/main.py@5c9d144 (@app.post("/v1/videos") and "/videos", the same for GET, DELETE and /content)
		basePath: '/v1',
		// source: Aquiles-ai/Aquiles-Image aquilesimage/utils/utils.py@5c9d144 (verify_api_key: HTTPBearer only)
		apiKeyHeader: false,
		// source: Aquiles-ai/Aquiles-Image aquilesimage/utils/utils.py@5c9d144 (verify_api_key: a key not in allows_api_keys: 403 "Invalid API key")
		unauthorized: () => detail(403, 'Invalid API key'),
		before(ctx) {
			const route = routeOf(ctx);
			// source: Aquiles-ai/Aquiles-Image aquilesimage/utils/task.py@5c9d144 (VideoTaskGeneration: max_concurrent_tasks=1, no queue: "The limit of 1
			// concurrent tasks has been reached. Please try again later.") + aquilesimage/main.py@5c9d144 (create_video: HTTPException(503, str(e))); was: "busy"
			if (startsJob(route) && [...store.videos.values()].some(isRunning)) {
				return detail(503, 'The limit of 1 concurrent tasks has been reached. Please try again later.');
			}
			if (route === 'content') {
				const video = store.videos.get(ctx.segments[1]);
				// source: Aquiles-ai/Aquiles-Image aquilesimage/main.py@5c9d144 (get_video_content: FileResponse(task.video_path) whether or not the file
				// exists yet, and task.video_path of an unknown ID fails too) + aquilesimage/utils/task.py@5c9d144 (get_path_video) + encode/starlette starlette/responses.py
				// (FileResponse: RuntimeError "File at path … does not exist."; ServerErrorMiddleware then answers 500 text/plain "Internal Server Error"); was: 500 {"detail": …}
				if (!video || video.status !== 'completed') return text(500, 'Internal Server Error');
			}
			// source: Aquiles-ai/Aquiles-Image aquilesimage/utils/task.py@5c9d144 (list_tasks: an `after` not found keeps start_idx = 0)
			if (route === 'list' && ctx.record.query.after && !store.videos.has(ctx.record.query.after)) {
				// An unknown cursor lists from the top instead of failing.
				const { after: _unknown, ...query } = ctx.record.query;
				ctx.record = { ...ctx.record, query };
			}
			return undefined;
		},
		after: reshape({
			// source: Aquiles-ai/Aquiles-Image aquilesimage/main.py@5c9d144 (HTTPException(404, "Video not found") etc.: FastAPI's {"detail": …})
			error: (status, message) => detail(status, message),
			present(video) {
				// source: Aquiles-ai/Aquiles-Image aquilesimage/models/models.py@5c9d144 (VideoResource has no completed_at or expires_at)
				const { completed_at: _completed, expires_at: _expires, ...out } = video;
				// source: Aquiles-ai/Aquiles-Image aquilesimage/models/models.py@5c9d144 (VideoStatus: queued, processing, completed, failed)
				if (out.status === 'in_progress') out.status = 'processing';
				// source: Aquiles-ai/Aquiles-Image aquilesimage/utils/task.py@5c9d144 (_process_task: progress in range(0, 91, 10), then 100)
				if (typeof out.progress === 'number') out.progress = Math.floor(out.progress / 10) * 10;
				return out;
			},
		}),
		// source: Aquiles-ai/Aquiles-Image aquilesimage/main.py@5c9d144 (no remix, edits or extensions route) + FastAPI's 404 {"detail":"Not Found"}
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
			// source: https://learn.microsoft.com/en-us/rest/api/storageservices/common-rest-api-error-codes (Blob storage: 403 AuthenticationFailed, an XML <Error> body)
			const body = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code></Error>';
			res.writeHead(valid ? 404 : 403, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)) });
			return void res.end(body);
		}
		const resolved = resolveContent(id, variant, store.getContent(id, variant));
		// source: none found for a specific store (assumed: object storage serving an upload without a content type)
		const headers = { 'content-type': 'application/octet-stream' };
		if (resolved.headers['content-length']) headers['content-length'] = resolved.headers['content-length'];
		res.writeHead(200, headers);
		if (resolved.body) return void res.end(resolved.body);
		pipeline(resolved.stream, res, () => {});
	}

	return {
		basePath: '/v1',
		// source: none found (assumed: a relay hands the request to OpenAI's API unchanged, so OpenAI's rules apply)
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
			// source: https://github.com/api7/aisix/pull/820 (GET /v1/videos/:id/content of a completed task: "302 to the provider's signed URL") — the URL's form
			// (se=, sig=, 10 minutes): none found (assumed, after Azure SAS URLs)
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

// source: https://openrouter.ai/docs/api/api-reference/videos (statuses pending, in_progress, completed, failed, cancelled, expired)
const OPENROUTER_STATUS = { queued: 'pending', in_progress: 'in_progress', completed: 'completed', failed: 'failed' };

function openrouter({ api, store }) {
	// source: https://openrouter.ai/docs/api/errors (errors {"error":{"code": number, "message": string}}); this message: none found (assumed)
	const notFound = () => json(404, { error: { message: 'Not Found', code: 404 } });
	// source: https://openrouter.ai/docs/api/api-reference/videos (POST answers id, polling_url, status "pending"; a completed job has unsigned_urls,
	// GET /api/v1/videos/{jobId}/content?index=0) — polling_url there is relative ("/api/v1/videos/<id>"); the fake's is absolute (assumed harmless)
	const job = (video) => ({
		id: video.id,
		polling_url: `${api.baseUrl}/videos/${encodeURIComponent(video.id)}`,
		status: OPENROUTER_STATUS[video.status] ?? video.status,
		...(video.status === 'completed' ? { unsigned_urls: [`${api.baseUrl}/videos/${encodeURIComponent(video.id)}/content?index=0`] } : {}),
	});
	return {
		// source: https://openrouter.ai/docs/api/api-reference/videos (POST /api/v1/videos)
		basePath: '/api/v1',
		// source: none found (assumed; the docs' example ID is "job-abc123")
		videoId: (n) => `gen-${n}`,
		// source: https://openrouter.ai/docs/api/errors (401 "Invalid credentials") + the body as OpenRouter users quote it, e.g.
		// https://github.com/decolua/9router/pull/3966 ({"error":{"message":"…","code":401}}); "No auth credentials found": widely quoted (assumed current)
		unauthorized: () => json(401, { error: { message: 'No auth credentials found', code: 401 } }),
		before(ctx) {
			const route = routeOf(ctx);
			if (route === 'create') {
				const params = ctx.record.json ?? ctx.record.form?.fields ?? {};
				// source: https://openrouter.ai/docs/api/errors (400 for invalid or missing params); this message: none found (assumed)
				if (typeof params.prompt !== 'string' || !params.prompt.trim()) {
					return json(400, { error: { message: 'prompt is required', code: 400 } });
				}
				// source: https://openrouter.ai/docs/client-sdks/python/api-reference/videogeneration.md (model="google/veo-3.1" in the example)
				const video = store.createJob({ prompt: params.prompt, model: String(params.model ?? 'google/veo-3.1') }, ctx.jobPlan);
				return json(200, job(video));
			}
			// source: https://openrouter.ai/docs/api/api-reference/videos (GET /api/v1/videos/{jobId} answers the job)
			if (route === 'retrieve' && store.videos.has(ctx.segments[1])) {
				store.poll(ctx.segments[1]);
				return json(200, job(store.videos.get(ctx.segments[1])));
			}
			// source: https://openrouter.ai/docs/api/api-reference/videos (no list, delete or remix); not copied: the real API has
			// GET /videos/{id}/content?index=0 and GET /videos/models, which the fake answers 404
			return notFound();
		},
		unknownRoute: notFound,
	};
}

// ---------------------------------------------------------------------------------------------

function azureLegacy({ store }) {
	// source: none found for the body of a missing route (assumed: Azure OpenAI's {"error":{"code":"404","message":"Resource not found"}}, as its users report it)
	const notFound = () => json(404, { error: { code: '404', message: 'Resource not found' } });
	return {
		// source: https://learn.microsoft.com/en-us/azure/ai-services/openai/video-generation-quickstart (Sora 1: POST {endpoint}/openai/v1/video/generations/jobs?api-version=preview)
		basePath: '/openai/v1',
		// source: none found (assumed: Sora 1 job IDs "task_…", as in the quickstart's sample output)
		videoId: (n) => `task_${n}`,
		// source: Azure/azure-sdk-for-js sdk/metricsadvisor/ai-metrics-advisor/recordings/node/metricsadvisoradministrationclient_datafeed_datafeed/recording_lists_datafeed_by_pages.js (an Azure AI services 401)
		unauthorized: () =>
			json(401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } }),
		before(ctx) {
			// source: none found (assumed: a deployment that only has the older jobs API, reached at /videos, answers the job shape to a create
			// and 404 to everything else; the real jobs API lives at /video/generations/jobs)
			if (routeOf(ctx) !== 'create') return notFound();
			const params = ctx.record.json ?? ctx.record.form?.fields ?? {};
			const video = store.createJob({ prompt: String(params.prompt ?? ''), model: String(params.model ?? 'sora') }, ctx.jobPlan);
			// source: https://learn.microsoft.com/en-us/azure/ai-services/openai/video-generation-quickstart (job: object "video.generation.job", id, status
			// "preprocessing"/…, created_at, finished_at, expires_at, generations, prompt, model, n_variants, n_seconds, height, width, inpaint_items, failure_reason)
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
	// source: /work/shared/reference/openai-videos-api/ + /work/shared/reference/openai-openapi/videos.openapi.yaml (routes.cjs, spec.cjs, spec-overrides.cjs)
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
