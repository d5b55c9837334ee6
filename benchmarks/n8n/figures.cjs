'use strict';
/*
 * The figures of `npm run bench:n8n` (issue 14's table). Each figure runs both nodes, alternately,
 * against the same fake API in the same n8n, and gives per node a value (lower is better) and
 * its text. measure(ctx, side) gets ctx = { n8n, api, settings }. A figure with `sides` runs only
 * those nodes (the other column shows –).
 */
const { measureRise } = require('../lib/proc-usage.cjs');

const MiB = 1024 * 1024;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One workflow run of `side` (a workflow of workflows.cjs) over `count` items, each a job planned as `plan`. */
async function runJobs({ n8n, api }, side, count, plan) {
	api.reset();
	api.jobPlan = { ...plan };
	const prompts = Array.from({ length: count }, (_, i) => `bench ${side} ${i + 1}`);
	const { node, items } = await n8n.run(side, prompts);
	if (items.length !== count || items.some((item) => !item.binary)) {
		throw new Error(`${side}: ${items.length} items out (${count} expected), some without a file`);
	}
	const bytes = items.map((item) => Object.values(item.binary)[0]?.bytes).filter((value) => value !== undefined);
	if (plan.contentSize !== undefined && bytes.some((value) => value !== plan.contentSize)) {
		throw new Error(`${side}: files of ${bytes.join(', ')} bytes, ${plan.contentSize} expected`);
	}
	const end = node.startTime + node.executionTime;
	const content = api.requests.find((request) => request.path.endsWith('/content'));
	return {
		ms: node.executionTime,
		end,
		requests: api.requests.length,
		completedAt: [...api.videos.keys()].map((id) => api.completedAt(id)),
		downloadMs: content ? end - content.receivedAt : undefined,
	};
}

/**
 * A download of `sizeMiB` (job done at once): the n8n process's peak RSS rise and CPU time
 * during the run, and the time from the content request to the node's end. On a busy machine
 * the CPU time is the steadier of the two times.
 */
async function downloadRun(ctx, side, sizeMiB) {
	const plan = { completeAfterMs: 0, pollAfterMs: ctx.settings.hintMs, contentSize: sizeMiB * MiB };
	const { result, rise, cpuMs } = await measureRise(ctx.n8n.pid, async () => await runJobs(ctx, side, 1, plan));
	return { values: [rise, result.downloadMs, cpuMs], sizeMiB };
}

/** Node time, requests, and how long after the last job's completion the node ended. */
function fewItemsResult(run) {
	const lag = run.end - Math.max(...run.completedAt);
	return { values: [run.ms], text: `${s(run.ms)} (${run.requests} requests; ends ${s(lag)} after the last job)` };
}

const riseText = (rise) => `+${(rise / MiB).toFixed(0)} MiB`;

/** "+R MiB (r1/r2/r3); T s, M MiB/s; CPU C s (c1/c2/c3)" from one or more download runs (medians). */
function downloadText(runs) {
	const column = (i) => runs.map((run) => run.values[i]);
	const [rise, ms, cpu] = [0, 1, 2].map((i) => median(column(i)));
	const each = (i, format) => (runs.length > 1 ? ` (${column(i).map(format).join('/')})` : '');
	const mibPerS = runs[0].sizeMiB / (ms / 1000);
	return {
		values: [rise, ms, cpu],
		text:
			`${riseText(rise)}${each(0, (value) => (value / MiB).toFixed(0))}; ${s(ms)}, ${mibPerS.toFixed(0)} MiB/s${each(1, (value) => (value / 1000).toFixed(1))}; ` +
			`CPU ${s(cpu)}${each(2, (value) => (value / 1000).toFixed(1))}`,
	};
}

function figures(settings) {
	const { hintMs } = settings;
	const hint = `hint ${hintMs / 1000} s`;
	return [
		{
			key: 'a',
			title: `completion noticed (${settings.noticeJobMs / 1000} s job, ${hint}): node end − job completion`,
			goal: `≤ ${((1.1 * hintMs) / 1000).toFixed(1)} s`,
			rounds: 1,
			async measure(ctx, side) {
				const run = await runJobs(ctx, side, 1, { completeAfterMs: settings.noticeJobMs, pollAfterMs: hintMs });
				const ms = run.end - run.completedAt[0];
				return { values: [ms], text: s(ms) };
			},
		},
		{
			key: 'b',
			title: `${settings.fewItems} items × ${settings.fewJobMs / 1000} s jobs, defaults (${hint}), node time`,
			goal: '≤ 7 s at 5 × 5 s',
			rounds: 1,
			async measure(ctx, side) {
				return fewItemsResult(await runJobs(ctx, side, settings.fewItems, { completeAfterMs: settings.fewJobMs, pollAfterMs: hintMs }));
			},
		},
		{
			key: 'b1',
			title: `the same with Poll Interval 1 s (this node's option), node time`,
			goal: '—',
			rounds: 1,
			sides: ['ours'],
			async measure(ctx) {
				return fewItemsResult(await runJobs(ctx, 'oursPoll1', settings.fewItems, { completeAfterMs: settings.fewJobMs, pollAfterMs: hintMs }));
			},
		},
		{
			key: 'c',
			title: `${settings.manyItems} items × ${settings.manyJobMs / 1000} s jobs (${hint}), node time / requests`,
			goal: '≤ 33 s / ≤ 80 at 20 × 30 s',
			rounds: 1,
			async measure(ctx, side) {
				const run = await runJobs(ctx, side, settings.manyItems, { completeAfterMs: settings.manyJobMs, pollAfterMs: hintMs });
				return { values: [run.ms, run.requests], text: `${s(run.ms)} / ${run.requests}` };
			},
		},
		{
			key: 'd',
			title: `RSS rise of n8n during a ${settings.downloadMiB} MiB download (median of ${settings.downloadRounds}); download time; n8n's CPU time`,
			goal: '≤ n8n’s node',
			rounds: settings.downloadRounds,
			measure: async (ctx, side) => await downloadRun(ctx, side, settings.downloadMiB),
			combine: downloadText,
		},
		{
			key: 'e',
			title: `RSS rise of n8n during a ${settings.bigMiB} MiB download (median of ${settings.bigRounds}); download time; n8n's CPU time`,
			goal: '≤ n8n’s node, flat in the file’s size',
			rounds: settings.bigRounds,
			measure: async (ctx, side) => await downloadRun(ctx, side, settings.bigMiB),
			combine: downloadText,
		},
	].filter((figure) => settings.figures.includes(figure.key));
}

module.exports = { figures, runJobs, median, MiB };
