#!/usr/bin/env node
'use strict';
/*
 * `npm run bench:n8n`: issue 14's table, measured in ONE real n8n (the e2e suite's cached n8n
 * 2.40.7, `n8n start`) against the fake API (fake-api/, in this process): this node with its
 * defaults and n8n's own OpenAI node (Video → Generate) alternately; prints both columns, their
 * ratio (this node ÷ n8n's: below 1 is better) and the machine's load.
 *
 * Needs the built package (npm run build). Sizes, durations, figures: see settings.cjs
 * (BENCH_N8N_QUICK=1 for a run of a few minutes). The full run takes about 25 minutes, most of
 * it n8n's node waiting 10 s per poll.
 */
const os = require('node:os');
const path = require('node:path');

const { startFakeApi } = require('../../fake-api/server.cjs');
const { childDownload } = require('../lib/child-download.cjs');
const { readSettings } = require('./settings.cjs');
const { startBenchN8n } = require('./instance.cjs');
const { figures, median, MiB } = require('./figures.cjs');
const { printTable } = require('./table.cjs');

const API_KEY = 'sk-bench-n8n-key';
const note = (message) => console.log(`# ${message}`);
const load = () => `load ${os.loadavg().map((value) => value.toFixed(2)).join(' ')} (1/5/15 min), ${os.cpus().length} cores`;

/** The same bytes fetched with undici straight to a file, in a fresh process: the wire speed. */
async function rawReference(api, sizeMiB, rounds) {
	api.reset();
	const small = api.addVideo();
	api.setContent(small.id, 'video', { size: MiB });
	const big = api.addVideo();
	api.setContent(big.id, 'video', { size: sizeMiB * MiB });
	const url = (id) => `${api.baseUrl}/videos/${id}/content`;
	const runs = [];
	for (let round = 0; round < rounds; round++) {
		runs.push(await childDownload({ variant: 'undici>file', url: url(big.id), warmUrl: url(small.id), apiKey: API_KEY }));
	}
	return runs;
}

async function main() {
	const settings = readSettings();
	const started = Date.now();
	note(`bench:n8n ${settings.quick ? '(quick) ' : ''}on ${os.hostname()}: ${load()}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`);
	note(`settings ${JSON.stringify(settings)}`);
	const api = await startFakeApi({ apiKey: API_KEY });
	const n8n = await startBenchN8n({ baseUrl: api.baseUrl, apiKey: API_KEY, nodeOptions: settings.nodeOptions, keep: settings.keep, note });
	const rows = [];
	try {
		for (const figure of figures(settings)) {
			const figureStarted = Date.now();
			const sides = settings.sides.filter((side) => !figure.sides || figure.sides.includes(side));
			const runs = Object.fromEntries(sides.map((side) => [side, []]));
			for (let round = 0; round < figure.rounds; round++) {
				const order = round % 2 === 0 ? sides : [...sides].reverse();
				for (const side of order) runs[side].push(await figure.measure({ n8n, api, settings }, side));
			}
			const combine = figure.combine ?? ((list) => list[0]);
			const result = Object.fromEntries(Object.entries(runs).map(([side, list]) => [side, combine(list)]));
			rows.push({ figure, result });
			note(`(${figure.key}) ${Object.entries(result).map(([side, value]) => `${side}: ${value.text}`).join(' | ')} (${((Date.now() - figureStarted) / 1000).toFixed(0)} s; ${load()})`);
		}
		if (settings.figures.includes('d')) {
			const raw = await rawReference(api, settings.downloadMiB, settings.downloadRounds);
			const ms = median(raw.map((run) => run.ms));
			note(
				`raw undici download of the same ${settings.downloadMiB} MiB to a file, fresh process: ${(ms / 1000).toFixed(1)} s, ` +
					`${(settings.downloadMiB / (ms / 1000)).toFixed(0)} MiB/s, CPU ${(median(raw.map((run) => run.cpuMs)) / 1000).toFixed(1)} s, ` +
					`RSS rise ${raw.map((run) => `+${(run.rise / MiB).toFixed(0)}`).join('/')} MiB`,
			);
		}
	} finally {
		await n8n.stop();
		await api.close();
	}
	console.log('');
	printTable(rows, settings.sides);
	console.log('');
	note(`${load()}; total ${((Date.now() - started) / 1000).toFixed(0)} s; n8n 2.40.7 on Node 24, filesystem binary mode, ${path.basename(process.execPath)} ${process.version} for the bench`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error?.stack ?? error);
		process.exit(1);
	},
);
