'use strict';
/*
 * Route table and handlers of the fake OpenAI Videos API.
 *
 * A handler gets ctx = { store, record, bodyError, jobPlan, createDefaults? } plus its decoded
 * path params and returns a reply:
 *   { status, json, headers? }   -> JSON response
 *   { content }                  -> resolved content (see content.cjs)
 *
 * Sources (cited as in profiles.cjs): the routes, parameters and answers are OpenAI's API reference
 * (/work/shared/reference/openai-videos-api/, public at https://developers.openai.com/api/reference/resources/videos)
 * and OpenAPI document (/work/shared/reference/openai-openapi/videos.openapi.yaml); neither declares an error
 * answer, so the error bodies below are OpenAI's general error shape and their wording is the fake's own.
 */
const { VARIANTS } = require('./store.cjs');
const { resolveContent } = require('./content.cjs');

// source: https://platform.openai.com/docs/guides/error-codes (OpenAI errors: {"error":{"message","type","param","code"}}); each message's wording: none found (assumed)
function apiError(status, message, { param = null, code = null, type = 'invalid_request_error' } = {}) {
	return { status, json: { error: { message, type, param, code } } };
}

const ok = (json, headers) => ({ status: 200, json, headers });
const videoNotFound = (id) => apiError(404, `Video with id '${id}' not found`, { code: 'not_found' });
const missing = (param) =>
	apiError(400, `Missing required parameter: '${param}'.`, { param, code: 'missing_required_parameter' });
const invalid = (param, message) => apiError(400, message, { param, code: 'invalid_value' });

/** Body parameters from JSON or multipart fields (files are read separately). */
function bodyParams(ctx) {
	const { json, form } = ctx.record;
	if (form) return form.fields;
	return json && typeof json === 'object' && !Array.isArray(json) ? json : {};
}

const fileOf = (ctx, name) => ctx.record.form?.files[name];
const isBlank = (value) => typeof value !== 'string' || value.trim() === '';

/** Common checks for POST handlers: parsable body and a non-empty prompt. */
function promptOrError(ctx) {
	if (ctx.bodyError) return { error: apiError(400, ctx.bodyError) };
	const params = bodyParams(ctx);
	if (isBlank(params.prompt)) return { error: missing('prompt') };
	return { params, prompt: params.prompt };
}

/** Source video reference: JSON `video: {id}`, multipart field `video[id]`, or an uploaded file. */
function sourceVideo(ctx, params) {
	if (fileOf(ctx, 'video')) return { upload: true };
	const id = typeof params.video === 'object' && params.video !== null ? params.video.id : params['video[id]'];
	if (isBlank(id)) return { error: missing('video') };
	const video = ctx.store.videos.get(id);
	return video ? { video } : { error: videoNotFound(id) };
}

function checkInputReference(ctx, params) {
	if (ctx.record.form) {
		return typeof params.input_reference === 'string'
			? invalid('input_reference', "'input_reference' must be a file upload in multipart requests.")
			: undefined;
	}
	const ref = params.input_reference;
	if (ref === undefined || ref === null) return undefined;
	const valid = typeof ref === 'object' && (typeof ref.image_url === 'string' || typeof ref.file_id === 'string');
	return valid ? undefined : invalid('input_reference', "'input_reference' must be an object with 'image_url' or 'file_id'.");
}

const optString = (value, fallback) => (value === undefined || value === null ? fallback : String(value));

function createVideo(ctx) {
	const { error, params, prompt } = promptOrError(ctx);
	if (error) return error;
	const refError = checkInputReference(ctx, params);
	if (refError) return refError;
	// A server profile may fall back to other values (ctx.createDefaults, profiles.cjs).
	const defaults = { model: 'sora-2', seconds: '4', size: '720x1280', ...ctx.createDefaults };
	const video = ctx.store.createJob(
		{
			prompt,
			model: optString(params.model, defaults.model),
			seconds: optString(params.seconds, defaults.seconds),
			size: optString(params.size, defaults.size),
		},
		ctx.jobPlan,
	);
	return created(ctx, video);
}

function remixVideo(ctx, id) {
	const source = ctx.store.videos.get(id);
	if (!source) return videoNotFound(id);
	const { error, prompt } = promptOrError(ctx);
	if (error) return error;
	const { model, seconds, size } = source;
	return created(ctx, ctx.store.createJob({ prompt, model, seconds, size, remixed_from_video_id: id }, ctx.jobPlan));
}

/** Fields a derived job inherits from a known source video. */
const inherited = (source) => (source ? { model: source.model, seconds: source.seconds, size: source.size } : {});

function editVideo(ctx) {
	const { error, params, prompt } = promptOrError(ctx);
	if (error) return error;
	const source = sourceVideo(ctx, params);
	if (source.error) return source.error;
	return created(ctx, ctx.store.createJob({ ...inherited(source.video), prompt }, ctx.jobPlan));
}

function extendVideo(ctx) {
	const { error, params, prompt } = promptOrError(ctx);
	if (error) return error;
	if (isBlank(optString(params.seconds))) return missing('seconds');
	const source = sourceVideo(ctx, params);
	if (source.error) return source.error;
	const added = String(params.seconds);
	const total = source.video ? Number(source.video.seconds) + Number(added) : NaN;
	const seconds = Number.isFinite(total) ? String(total) : added;
	return created(ctx, ctx.store.createJob({ ...inherited(source.video), prompt, seconds }, ctx.jobPlan));
}

function listVideos(ctx) {
	const { query } = ctx.record;
	const limit = query.limit === undefined ? 20 : Number(query.limit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
		return invalid('limit', `Invalid 'limit': expected an integer between 1 and 100, got '${query.limit}'.`);
	}
	const order = query.order ?? 'desc';
	if (order !== 'asc' && order !== 'desc') {
		return invalid('order', `Invalid 'order': expected 'asc' or 'desc', got '${order}'.`);
	}
	let items = ctx.store.sortedVideos(order);
	if (query.after) {
		const index = items.findIndex((video) => video.id === query.after);
		if (index < 0) return invalid('after', `Invalid 'after': no video with id '${query.after}'.`);
		items = items.slice(index + 1);
	}
	// Listing shows jobs as they progress, as a retrieve does.
	for (const video of items.slice(0, limit)) ctx.store.poll(video.id);
	const data = items.slice(0, limit);
	return ok({
		object: 'list',
		data,
		first_id: data.length ? data[0].id : null,
		last_id: data.length ? data[data.length - 1].id : null,
		has_more: items.length > limit,
	}, pollHintHeaders(ctx, data.map((video) => video.id)));
}

/** OpenAI's poll hint, when the job's plan sets one (on creates, retrieves and lists). */
// source: openai/openai-python src/openai/resources/beta/threads/runs/runs.py (poll(): waits `openai-poll-after-ms` between checks); on video jobs: none found (assumed the same header)
function pollHintHeaders(ctx, ids) {
	const hints = ids.map((id) => ctx.store.planOf(id)?.pollAfterMs).filter((ms) => ms != null);
	return hints.length ? { 'openai-poll-after-ms': String(Math.min(...hints)) } : undefined;
}

/** A job answered to its creator, with the poll hint the API sends. */
function created(ctx, video) {
	return ok(video, pollHintHeaders(ctx, [video.id]));
}

function retrieveVideo(ctx, id) {
	if (!ctx.store.videos.has(id)) return videoNotFound(id);
	ctx.store.poll(id);
	return ok(ctx.store.videos.get(id), pollHintHeaders(ctx, [id]));
}

function deleteVideo(ctx, id) {
	if (!ctx.store.deleteVideo(id)) return videoNotFound(id);
	return ok({ id, object: 'video.deleted', deleted: true });
}

function downloadContent(ctx, id) {
	const variant = ctx.record.query.variant ?? 'video';
	if (!VARIANTS.includes(variant)) {
		return invalid('variant', `Invalid 'variant': expected one of ${VARIANTS.join(', ')}, got '${variant}'.`);
	}
	const video = ctx.store.videos.get(id);
	if (!video) return videoNotFound(id);
	// source: https://github.com/BerriAI/litellm/pull/32602 ("Verified against live OpenAI API: GET /v1/videos/{id}/content returns 404 with
	// 'Video is not ready yet...' while status is queued/in_progress"); the code 'video_not_ready': none found (assumed)
	if (video.status !== 'completed') {
		return apiError(404, `Video '${id}' is not ready yet (status: ${video.status}); content is available once it completes.`, {
			code: 'video_not_ready',
		});
	}
	return { content: resolveContent(id, variant, ctx.store.getContent(id, variant)) };
}

function createCharacter(ctx) {
	if (ctx.bodyError) return apiError(400, ctx.bodyError);
	const params = bodyParams(ctx);
	if (isBlank(params.name)) return missing('name');
	if (!fileOf(ctx, 'video')) return missing('video');
	return ok(ctx.store.addCharacter(params.name));
}

function getCharacter(ctx, id) {
	const character = ctx.store.characters.get(id);
	return character ? ok(character) : apiError(404, `Character with id '${id}' not found`, { code: 'not_found' });
}

/** GET /models as OpenAI (and LiteLLM, New API, vLLM, SGLang, Aquiles) answer it: the models the key may use. */
// source: https://platform.openai.com/docs/api-reference/models/list ({"object":"list","data":[{"id","object":"model","created","owned_by"}]}) +
// Aquiles-ai/Aquiles-Image aquilesimage/main.py@5c9d144 (GET /v1/models) + sgl-project/sglang python/sglang/multimodal_gen/runtime/entrypoints/http_server.py@0017ffd
// (includes common_api.router); LiteLLM, New API and vLLM serve the OpenAI /v1/models route (documented OpenAI-compatible servers)
function listModels() {
	const created = 1_700_000_000;
	return ok({ object: 'list', data: ['sora-2', 'sora-2-pro'].map((id) => ({ id, object: 'model', created, owned_by: 'system' })) });
}

/** Map (method, decoded path segments after basePath) to a bound handler, or undefined. */
function findRoute(method, segments) {
	if (method === 'GET' && segments.length === 1 && segments[0] === 'models') return () => listModels();
	if (segments[0] !== 'videos') return undefined;
	const [, a, b] = segments;
	const key = `${method} ${segments.length}`;
	switch (key) {
		case 'POST 1': return (ctx) => createVideo(ctx);
		case 'GET 1': return (ctx) => listVideos(ctx);
		case 'POST 2':
			if (a === 'edits') return (ctx) => editVideo(ctx);
			if (a === 'extensions') return (ctx) => extendVideo(ctx);
			if (a === 'characters') return (ctx) => createCharacter(ctx);
			return undefined;
		case 'GET 2': return a ? (ctx) => retrieveVideo(ctx, a) : undefined;
		case 'DELETE 2': return a ? (ctx) => deleteVideo(ctx, a) : undefined;
		case 'GET 3':
			if (a === 'characters' && b) return (ctx) => getCharacter(ctx, b);
			if (b === 'content' && a) return (ctx) => downloadContent(ctx, a);
			return undefined;
		case 'POST 3': return b === 'remix' && a ? (ctx) => remixVideo(ctx, a) : undefined;
		default: return undefined;
	}
}

module.exports = { findRoute, apiError };
