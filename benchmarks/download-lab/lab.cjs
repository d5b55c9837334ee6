'use strict';
/*
 * Download lab: where do the time and the memory of a node's download go?
 *
 *   node benchmarks/download-lab/lab.cjs [variant ...]
 *
 * Each variant ('source>sink', see variants.cjs) downloads LAB_SIZE_MIB (default 256) MiB from
 * the fake API (its own process) in a fresh child process on n8n's Node 24, ROUNDS times
 * (LAB_ROUNDS, default 3), variants alternating; prints the median wall time, MiB/s, the
 * child's CPU time (robust on a busy machine) and its peak RSS above its RSS at the start
 * (kernel high-water mark, exact).
 * LAB_MODULES: the node_modules whose n8n-core/backend-network to use (default: this repo's;
 * the e2e cache's n8n 2.40.7 is ~/.cache/n8n-nodes-openai-videos-e2e/node_modules).
 */
const os = require('node:os');
const path = require('node:path');

const { childDownload } = require('../lib/child-download.cjs');
const { startContentProcess } = require('../lib/content-process.cjs');

const ROOT = path.join(__dirname, '..', '..');
const MiB = 1024 * 1024;
const SIZE_MIB = Number(process.env.LAB_SIZE_MIB ?? 256);
const ROUNDS = Number(process.env.LAB_ROUNDS ?? 3);
const MODULES = process.env.LAB_MODULES ?? path.join(ROOT, 'node_modules');
const DEFAULT_VARIANTS = ['undici>file', 'http>file', 'n8n>file', 'http>store', 'n8n>store', 'n8n>store-1024'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function runOnce(variant, server) {
	const run = await childDownload({ variant, url: server.urlOf(SIZE_MIB), warmUrl: server.urlOf(1), apiKey: server.apiKey, modules: MODULES });
	if (run.bytes !== SIZE_MIB * MiB) throw new Error(`${variant}: ${run.bytes} bytes instead of ${SIZE_MIB * MiB}`);
	return run;
}

async function main() {
	const variants = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_VARIANTS;
	const server = await startContentProcess([1, SIZE_MIB]);
	const results = new Map(variants.map((variant) => [variant, []]));
	try {
		for (let round = 0; round < ROUNDS; round++) {
			for (const variant of variants) {
				results.get(variant).push(await runOnce(variant, server));
			}
		}
	} finally {
		server.stop();
	}
	const [load1] = os.loadavg();
	console.log(`download lab: ${SIZE_MIB} MiB, median of ${ROUNDS}, modules ${MODULES}; load ${load1.toFixed(2)}, ${os.cpus().length} cores`);
	const baseMs = median(results.get(variants[0]).map((run) => run.ms));
	const baseCpu = median(results.get(variants[0]).map((run) => run.cpuMs));
	console.log(`times and CPU: how many times ${variants[0]}'s (wall time ${variants[0]}/variant, above 1 is faster)`);
	for (const [variant, runs] of results) {
		const ms = median(runs.map((run) => run.ms));
		const cpu = median(runs.map((run) => run.cpuMs));
		const rises = runs.map((run) => (run.rise / MiB).toFixed(0)).join('/');
		console.log(
			`${variant.padEnd(18)} ${String(Math.round(ms)).padStart(6)} ms ${(SIZE_MIB / (ms / 1000)).toFixed(0).padStart(5)} MiB/s ` +
				`${(baseMs / ms).toFixed(2)}x   CPU ${String(Math.round(cpu)).padStart(5)} ms ${(baseCpu / cpu).toFixed(2)}x   ` +
				`RSS rise ${(median(runs.map((run) => run.rise)) / MiB).toFixed(0)} MiB (${rises})`,
		);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
