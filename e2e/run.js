#!/usr/bin/env node
'use strict';
/*
 * End-to-end suite: the built package inside a real n8n, as users meet it.  `npm run test:e2e`
 *
 *   1. installs n8n (pinned, see n8n-install.js) and its Node 24 into a cache folder, once;
 *   2. `npm pack`s this package (dist/ must be built) and installs the tarball into a fresh n8n
 *      user folder the way the README says (npm install in <user folder>/.n8n/nodes);
 *   3. starts the loopback fake API and an "assets" server (another origin) in this process,
 *      imports credentials pointing at the fake API (`n8n import:credentials`);
 *   4. runs each case in e2e/cases: imports its workflow (examples/*.json or e2e/workflows/*.json),
 *      runs it with `n8n execute --id` (or, for the trigger, an `n8n start` with the workflow
 *      published), and checks the run data, the binary files n8n stored, the files written and
 *      the requests the servers received.
 * One line per check; the last line is "N passed, M failed"; exit code 1 when anything failed.
 *
 * Usage: node e2e/run.js [case-filter...]      e.g. node e2e/run.js redirect 401
 * Env:   N8N_E2E_DIR (n8n cache folder), N8N_E2E_VERSION, N8N_E2E_NODE_VERSION (see n8n-install.js)
 *        E2E_KEEP=1     keep the run folder (n8n user folder, database, binary data, written files)
 *        E2E_VERBOSE=1  log every n8n command and its duration
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n } = require('./n8n-install');
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

	let t0 = Date.now();
	const install = await ensureN8n({ log: note });
	note(`n8n ${install.version} on Node ${install.nodeVersion} in ${install.dir} (${seconds(Date.now() - t0)})`);

	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-openai-videos-e2e-'));
	const home = path.join(runDir, 'home');
	const filesDir = path.join(runDir, 'files');
	fs.mkdirSync(home, { recursive: true });
	if (process.env.E2E_KEEP === '1') note(`run folder kept: ${runDir}`);
	else cleanups.push(() => fs.rmSync(runDir, { recursive: true, force: true }));

	const api = await startFakeApi({ apiKey: API_KEY });
	cleanups.push(() => api.close());
	const assets = await startAssetServer();
	cleanups.push(() => assets.close());

	try {
		t0 = Date.now();
		const pack = await packPackage(ROOT, path.join(runDir, 'pack'));
		const installed = await installIntoUserFolder(pack, home);
		note(`packed ${path.basename(pack.tarball)} (${pack.files.length} files) and installed it with \`${installed.command}\` (${seconds(Date.now() - t0)})`);
		const { listed, missing } = missingListedFiles(installed.packageDir);
		report
			.scope('package')
			.ok(!missing.length, `every node and credential file package.json#n8n lists is in the package (${listed.length})`, `missing: ${missing.join(', ')}`);

		const n8n = new N8nCli(install, { home, filesDir, log: verbose ? note : () => {} });
		t0 = Date.now();
		await n8n.importCredentials(credentialsFor(api.baseUrl));
		note(`credentials imported (${seconds(Date.now() - t0)}); fake API at ${api.baseUrl}, assets at ${assets.origin}`);

		const ctx = { root: ROOT, install, n8n, api, assets, filesDir, runDir, home, pack, installed, note, cleanups };
		for (const testCase of loadCases(filters)) {
			const caseStarted = Date.now();
			const t = report.scope(testCase.title);
			api.reset();
			await t.guard('runs without an exception in the suite', () => testCase.run(ctx, t));
			note(`${testCase.title}: ${seconds(Date.now() - caseStarted)}`);
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
