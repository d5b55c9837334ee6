'use strict';
/*
 * In-memory state of the fake OpenAI Videos API: videos, characters, per-job
 * progress plans, content overrides and the wall-clock time each video became
 * terminal. Nothing here knows about HTTP.
 *
 * `videos` holds the exact objects emitted as JSON (the API's Video shape).
 * Everything that must not be emitted (plans, poll counters, timers, content,
 * completion times) lives in side maps keyed by video id.
 */

const TERMINAL = new Set(['completed', 'failed']);
const VARIANTS = ['video', 'thumbnail', 'spritesheet'];
const DEFAULT_PLAN = Object.freeze({
	pollsUntilDone: 2,
	outcome: 'completed',
	pollAfterMs: undefined,
	completeAfterMs: undefined,
	contentSize: undefined,
});
const DEFAULT_FAILURE = Object.freeze({ code: 'video_generation_failed', message: 'Video generation failed.' });
const EXPIRY_SECONDS = 24 * 60 * 60;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * options.videoId(n, fields): the ID of the n-th new video (fields: what it is created with),
 * or undefined for the default `video_<n>` (server profiles, profiles.cjs).
 */
function createStore(options = {}) {
	const videos = new Map();
	const characters = new Map();
	const jobs = new Map(); // id -> { plan, polls, createdMs, timer }
	const content = new Map(); // `${id}\n${variant}` -> content spec
	const completedAtMs = new Map(); // id -> Date.now() when the status became terminal
	let clock = 0;
	let videoCounter = 0;
	let characterCounter = 0;

	/** Strictly increasing integer clock, tracking unix seconds when it can. */
	function tick() {
		clock = Math.max(clock + 1, nowSeconds());
		return clock;
	}

	function nextVideoId(fields = {}) {
		let id;
		do {
			videoCounter += 1;
			id = options.videoId?.(videoCounter, fields) ?? `video_${videoCounter}`;
		} while (videos.has(id));
		return id;
	}

	function mustGet(id) {
		const video = videos.get(id);
		if (!video) throw new Error(`fake-api: unknown video '${id}'`);
		return video;
	}

	function markTerminal(video, status, error) {
		video.completed_at = Math.max(nowSeconds(), video.created_at);
		video.expires_at = status === 'completed' ? video.completed_at + EXPIRY_SECONDS : null;
		video.error = status === 'failed' ? { ...(error ?? DEFAULT_FAILURE) } : null;
		if (status === 'completed') video.progress = 100;
	}

	function addVideo(partial = {}) {
		const id = partial.id ?? nextVideoId(partial);
		if (videos.has(id)) throw new Error(`fake-api: video '${id}' already exists`);
		const status = partial.status ?? 'completed';
		const video = {
			id,
			object: 'video',
			model: 'sora-2',
			status,
			progress: status === 'completed' ? 100 : 0,
			created_at: partial.created_at ?? tick(),
			completed_at: null,
			expires_at: null,
			prompt: 'A fake video',
			seconds: '4',
			size: '720x1280',
			remixed_from_video_id: null,
			error: null,
		};
		clock = Math.max(clock, video.created_at);
		if (TERMINAL.has(status)) markTerminal(video, status, partial.error);
		Object.assign(video, partial, { id, status });
		videos.set(id, video);
		if (TERMINAL.has(status)) completedAtMs.set(id, Date.now());
		return video;
	}

	function setStatus(id, status, extra = {}) {
		const video = mustGet(id);
		const wasTerminal = TERMINAL.has(video.status) && completedAtMs.has(id);
		const changed = video.status !== status;
		video.status = status;
		if (TERMINAL.has(status)) {
			markTerminal(video, status, extra.error);
			if (changed || !wasTerminal) completedAtMs.set(id, Date.now());
			stopTimer(id);
		} else {
			Object.assign(video, { completed_at: null, expires_at: null, error: null });
			if (status === 'queued') video.progress = 0;
			completedAtMs.delete(id);
		}
		const { error: _ignored, ...rest } = extra;
		Object.assign(video, rest);
		return video;
	}

	/** Create a queued job that progresses according to `plan` (see DEFAULT_PLAN). */
	function createJob(fields, plan) {
		const video = addVideo({ ...fields, status: 'queued', progress: 0 });
		const job = { plan: { ...DEFAULT_PLAN, ...plan }, polls: 0, createdMs: Date.now(), timer: undefined };
		jobs.set(video.id, job);
		if (job.plan.contentSize != null) setContent(video.id, 'video', { size: job.plan.contentSize });
		if (job.plan.completeAfterMs != null) {
			job.timer = setTimeout(() => finish(video.id), job.plan.completeAfterMs);
			job.timer.unref?.();
		}
		return video;
	}

	function finish(id) {
		const job = jobs.get(id);
		const video = videos.get(id);
		if (!job || !video || TERMINAL.has(video.status)) return;
		const outcome = job.plan.outcome === 'failed' ? 'failed' : 'completed';
		setStatus(id, outcome, job.plan.error ? { error: job.plan.error } : {});
	}

	/** One GET /videos/{id}: advance a planned job by one poll (or by elapsed time). */
	function poll(id) {
		const job = jobs.get(id);
		const video = videos.get(id);
		if (!job || !video || TERMINAL.has(video.status)) return;
		const { completeAfterMs, pollsUntilDone } = job.plan;
		let fraction;
		if (completeAfterMs != null) {
			fraction = (Date.now() - job.createdMs) / Math.max(completeAfterMs, 1);
		} else {
			job.polls += 1;
			fraction = job.polls / Math.max(pollsUntilDone, 1);
		}
		if (fraction >= 1) return finish(id);
		video.status = 'in_progress';
		video.progress = Math.min(99, Math.floor(fraction * 100));
	}

	function planOf(id) {
		return jobs.get(id)?.plan;
	}

	function stopTimer(id) {
		const job = jobs.get(id);
		if (job?.timer) clearTimeout(job.timer);
		if (job) job.timer = undefined;
	}

	function deleteVideo(id) {
		stopTimer(id);
		jobs.delete(id);
		for (const variant of VARIANTS) content.delete(`${id}\n${variant}`);
		return videos.delete(id);
	}

	/** Videos sorted by created_at (ties: insertion order); 'desc' = newest first. */
	function sortedVideos(order) {
		const list = [...videos.values()].sort((a, b) => a.created_at - b.created_at);
		return order === 'asc' ? list : list.reverse();
	}

	function setContent(id, variant, spec) {
		mustGet(id);
		if (!VARIANTS.includes(variant)) throw new Error(`fake-api: unknown variant '${variant}'`);
		content.set(`${id}\n${variant}`, spec);
	}

	function getContent(id, variant) {
		return content.get(`${id}\n${variant}`);
	}

	function addCharacter(name) {
		const character = { id: `char_${++characterCounter}`, created_at: tick(), name }; // no `object`: the API declares none
		characters.set(character.id, character);
		return character;
	}

	function stopTimers() {
		for (const id of jobs.keys()) stopTimer(id);
	}

	function reset() {
		stopTimers();
		for (const map of [videos, characters, jobs, content, completedAtMs]) map.clear();
		videoCounter = 0;
		characterCounter = 0;
	}

	return {
		videos,
		characters,
		addVideo,
		setStatus,
		createJob,
		poll,
		planOf,
		deleteVideo,
		sortedVideos,
		setContent,
		getContent,
		addCharacter,
		completedAt: (id) => completedAtMs.get(id),
		stopTimers,
		reset,
	};
}

module.exports = { createStore, DEFAULT_PLAN, VARIANTS, TERMINAL };
