'use strict';
/*
 * Sizes and durations of `npm run bench:n8n`, each overridable by the environment.
 * BENCH_N8N_QUICK=1 picks small values (a run of a few minutes); any single variable still wins.
 *
 *   BENCH_N8N_HINT_MS          poll hint the fake sends (openai-poll-after-ms)   1000
 *   BENCH_N8N_NOTICE_JOB_MS    (a) the job's duration                            5000
 *   BENCH_N8N_FEW_ITEMS        (b), (b1) items                                   5        quick 3
 *   BENCH_N8N_FEW_JOB_MS       (b), (b1) each job's duration                     5000
 *   BENCH_N8N_MANY_ITEMS       (c) items                                         20       quick 6
 *   BENCH_N8N_MANY_JOB_MS      (c) each job's duration                           30000    quick 5000
 *   BENCH_N8N_DOWNLOAD_MIB     (d) file size                                     256      quick 64
 *   BENCH_N8N_DOWNLOAD_ROUNDS  (d) runs per node (median)                        3        quick 1
 *   BENCH_N8N_BIG_MIB          (e) file size                                     1024     quick 256
 *   BENCH_N8N_BIG_ROUNDS       (e) runs per node (median)                        3        quick 1
 *   BENCH_N8N_FIGURES          which figures, e.g. "a,d"                         a,b,b1,c,d,e
 *   BENCH_N8N_SIDES            which nodes: "ours", "n8n" or both                ours,n8n
 *   BENCH_N8N_NODE_OPTIONS     NODE_OPTIONS for the n8n process, e.g. "--max-semi-space-size=1"
 *   BENCH_N8N_KEEP=1           keep the run folder (n8n user folder, log, database)
 */
const quick = process.env.BENCH_N8N_QUICK === '1';

function number(name, full, short = full) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return quick ? short : full;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, got "${raw}"`);
	return value;
}

function list(name, fallback) {
	const raw = process.env[name];
	return (raw ? raw : fallback).split(',').map((entry) => entry.trim()).filter(Boolean);
}

function readSettings() {
	return {
		quick,
		hintMs: number('BENCH_N8N_HINT_MS', 1000),
		noticeJobMs: number('BENCH_N8N_NOTICE_JOB_MS', 5000),
		fewItems: number('BENCH_N8N_FEW_ITEMS', 5, 3),
		fewJobMs: number('BENCH_N8N_FEW_JOB_MS', 5000),
		manyItems: number('BENCH_N8N_MANY_ITEMS', 20, 6),
		manyJobMs: number('BENCH_N8N_MANY_JOB_MS', 30000, 5000),
		downloadMiB: number('BENCH_N8N_DOWNLOAD_MIB', 256, 64),
		downloadRounds: number('BENCH_N8N_DOWNLOAD_ROUNDS', 3, 1),
		bigMiB: number('BENCH_N8N_BIG_MIB', 1024, 256),
		bigRounds: number('BENCH_N8N_BIG_ROUNDS', 3, 1),
		figures: list('BENCH_N8N_FIGURES', 'a,b,b1,c,d,e'),
		sides: list('BENCH_N8N_SIDES', 'ours,n8n'),
		nodeOptions: process.env.BENCH_N8N_NODE_OPTIONS ?? '',
		keep: process.env.BENCH_N8N_KEEP === '1',
	};
}

module.exports = { readSettings };
