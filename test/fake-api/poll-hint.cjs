'use strict';
/*
 * The create answer's poll hint: OpenAI answers a new job (create, remix, edit, extend) with
 * `openai-poll-after-ms`, as it does each status GET. The fake sends it when the job plan has
 * pollAfterMs (without one, nothing changes).
 */

/** The reply to a request, with the hint added when it created a job that has one. */
function withCreatePollHint(reply, ctx) {
	const created = ctx.record.method === 'POST' && reply?.status === 200 && reply.json?.object === 'video';
	const pollAfterMs = created ? ctx.store.planOf(reply.json.id)?.pollAfterMs : undefined;
	if (pollAfterMs == null || reply.headers?.['openai-poll-after-ms'] !== undefined) return reply;
	return { ...reply, headers: { ...reply.headers, 'openai-poll-after-ms': String(pollAfterMs) } };
}

module.exports = { withCreatePollHint };
