#!/usr/bin/env node
'use strict';
/*
 * End-to-end suite: the built package inside a real n8n, as users meet it.  `npm run test:e2e`
 *
 *   1. `npm pack`s this package (dist/ must be built), once;
 *   for each n8n version (versions.js: the pinned 2.40.7 with every case, 1.123.81 and 2.41.1 with
 *   the cases marked `smoke: true`):
 *   2. installs that n8n and its Node 24 into its cache folder, once (n8n-install.js);
 *   3. installs the tarball into a fresh n8n user folder the way the README says (npm install in
 *      <user folder>/.n8n/nodes), imports credentials pointing at the fake API;
 *   4. runs each case in e2e/cases: imports its workflow (examples/*.json or e2e/workflows/*.json),
 *      runs it with `n8n execute --id` (or, for the trigger, an `n8n start` with the workflow
 *      published), and checks the run data, the binary files n8n stored, the files written and
 *      the requests the servers received.
 * The loopback fake API and an "assets" server (another origin) run in this process.
 * One line per check; the last line is "N passed, M failed"; exit code 1 when anything failed.
 *
 * A case is a file in e2e/cases exporting { title, smoke?: true, async run(ctx, t) }; ctx holds
 * the n8n under test (ctx.n8n, ctx.install.version, ctx.install.major), the servers, folders and
 * cleanups (see the ctx object below); t is a report scope (lib/report.js).
 *
 * Usage: node e2e/run.js [case-filter...]      e.g. node e2e/run.js redirect 401
 * Env:   N8N_E2E_VERSIONS=2.40.7,2.41.1 (versions.js), N8N_E2E_DIR, N8N_E2E_VERSION,
 *        N8N_E2E_NODE_VERSION (n8n-install.js)
 *        E2E_KEEP=1     keep the run folder (n8n user folder, database, binary data, written files)
 *        E2E_VERBOSE=1  log every n8n command and its duration
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n } = require('./n8n-install');
const { versionsToRun } = require('./versions');
const { N8nCli } = require('./n8n-cli');
const { assertBuilt, packPackage, installIntoUserFolder, missingListedFiles } = require('./package');
const { Report } = require('./lib/report');
const { startFakeApi, startAssetServer } = require('./lib/servers');
const { API_KEY, credentialsFor } = require('./lib/context');

const ROOT = path.join(__dirname, '..');
const CASES_DIR = path.join(__dirname, 'cases');

function loadCases(filters) {
	return fs
		.readdirSync(CASES_DIR)
		.filter((file) => file.endsWith('.js'))
		.sort()
		.filter((file) => !filters.length || filters.some((filter) => file.includes(filter)))
		.map((file) => ({ file, ...require(path.join(CASES_DIR, file)) }));
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const { cleanups, runCleanups } = require('./lib/cleanups');

/** One n8n version: its install, a fresh user folder with the package, then the cases. */
async function runVersion({ version, full }, { filters, pack, runDir, api, assets, report, note, verbose }) {
	const label = full ? '' : `n8n ${version} · `;
	let t0 = Date.now();
	const install = await ensureN8n({ version, log: note });
	note(`n8n ${install.version} on Node ${install.nodeVersion} in ${install.dir} (${seconds(Date.now() - t0)})`);

	const home = path.join(runDir, `home-${version}`);
	const filesDir = path.join(runDir, `files-${version}`);
	fs.mkdirSync(home, { recursive: true });
	t0 = Date.now();
	const installed = await installIntoUserFolder(pack, home);
	note(`installed ${path.basename(pack.tarball)} with \`${installed.command}\` (${seconds(Date.now() - t0)})`);
	const { listed, missing } = missingListedFiles(installed.packageDir);
	report
		.scope(`${label}package`)
		.ok(!missing.length, `every node and credential file package.json#n8n lists is in the package (${listed.length})`, `missing: ${missing.join(', ')}`);

	const n8n = new N8nCli(install, { home, filesDir, log: verbose ? note : () => {} });
	t0 = Date.now();
	await n8n.importCredentials(credentialsFor(api.baseUrl));
	note(`credentials imported (${seconds(Date.now() - t0)}); fake API at ${api.baseUrl}, assets at ${assets.origin}`);

	const ctx = { root: ROOT, install, n8n, api, assets, filesDir, runDir, home, pack, installed, note, cleanups };
	for (const testCase of loadCases(filters).filter((entry) => full || entry.smoke)) {
		const caseStarted = Date.now();
		const t = report.scope(`${label}${testCase.title}`);
		api.reset();
		const keep = cleanups.length;
		await t.guard('runs without an exception in the suite', () => testCase.run(ctx, t));
		// A server a case started (an n8n with a trigger active) would otherwise go on polling the
		// shared fake API during the next cases.
		await runCleanups(keep);
		note(`${label}${testCase.title}: ${seconds(Date.now() - caseStarted)}`);
	}
}

async function main() {
	const started = Date.now();
	const filters = process.argv.slice(2);
	const verbose = process.env.E2E_VERBOSE === '1';
	const note = (message) => console.log(`# ${message}`);
	const report = new Report();

	try {
		assertBuilt(ROOT);
	} catch (error) {
		console.error(error.message);
		console.log('0 passed, 1 failed');
		return false;
	}

	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-openai-videos-e2e-'));
	if (process.env.E2E_KEEP === '1') note(`run folder kept: ${runDir}`);
	else cleanups.push(() => fs.rmSync(runDir, { recursive: true, force: true }));

	const api = await startFakeApi({ apiKey: API_KEY });
	cleanups.push(() => api.close());
	const assets = await startAssetServer();
	cleanups.push(() => assets.close());

	try {
		const t0 = Date.now();
		const pack = await packPackage(ROOT, path.join(runDir, 'pack'));
		note(`packed ${path.basename(pack.tarball)} (${pack.files.length} files) (${seconds(Date.now() - t0)})`);
		for (const target of versionsToRun()) {
			const versionStarted = Date.now();
			const keep = cleanups.length;
			await report
				.scope(`n8n ${target.version}`)
				.guard('installs and runs', () => runVersion(target, { filters, pack, runDir, api, assets, report, note, verbose }));
			note(`n8n ${target.version}: ${seconds(Date.now() - versionStarted)}`);
			await runCleanups(keep); // what the version left behind
		}
	} finally {
		await runCleanups();
	}
	note(`total ${seconds(Date.now() - started)}`);
	return report.summary();
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(error) => {
		console.error(error?.stack ?? error);
		console.log('0 passed, 1 failed');
		process.exit(1);
	},
);
