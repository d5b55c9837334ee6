#!/usr/bin/env node
'use strict';
/*
 * `npm start` (also `npm run dev`): try the package in a real n8n, with no API key.
 *
 *   1. installs this project's dependencies if node_modules is missing or older than package-lock.json
 *      (`npm ci`, scripts/ensure-dependencies.js), builds (`npm run build`);
 *   2. installs (once, cached) the real n8n the e2e suite uses (e2e/n8n-install.js);
 *   3. packs this package and installs the tarball into the sandbox's own n8n user folder, as the
 *      README's manual install does (e2e/package.js);
 *   4. starts the sandbox Videos API (sandbox/api-server.js) on http://127.0.0.1:4010/v1: the tests'
 *      fake, any key, jobs done after a few seconds, small playable MP4s;
 *   5. imports a credential for it and the example workflows (sandbox/n8n-data.js);
 *   6. starts `n8n start` on http://localhost:5678, sets up its owner account and prints how to log in.
 *   Ctrl-C stops n8n and the sandbox API.
 *
 * Everything n8n keeps (database, binary data, the written MP4s, n8n's log) stays in .sandbox/, so a
 * second start is quick and keeps your changes; the examples and the credential are imported again
 * only when they changed. Delete .sandbox/ to start from scratch.
 *
 * Env: SANDBOX_DIR (default <repo>/.sandbox), SANDBOX_N8N_PORT (5678), SANDBOX_API_PORT (4010);
 *      N8N_E2E_DIR, N8N_E2E_VERSION (which n8n, see e2e/n8n-install.js).
 * Plain Node 20+: it requires nothing but Node's own modules until the dependencies are installed
 * (the sandbox API, sandbox/api-server.js, uses the fake API's devDependencies: required after step 1).
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { ensureN8n } = require('../e2e/n8n-install');
const { N8nCli, spawnCollect } = require('../e2e/n8n-cli');
const { startN8nServer, freePort } = require('../e2e/n8n-server');
const { packPackage, installIntoUserFolder } = require('../e2e/package');
const { cleanups, runCleanups } = require('../e2e/lib/cleanups');
const { installIfNeeded, npmEnv } = require('../scripts/ensure-dependencies');
const { OWNER, CREDENTIAL, sandboxCredential, sandboxWorkflows, fingerprint } = require('./n8n-data');

const ROOT = path.join(__dirname, '..');
const DIR = path.resolve(process.env.SANDBOX_DIR || path.join(ROOT, '.sandbox'));
const N8N_PORT = Number(process.env.SANDBOX_N8N_PORT || 5678);
const API_PORT = Number(process.env.SANDBOX_API_PORT || 4010);
const STATE_FILE = path.join(DIR, 'state.json');

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[sandbox] ${message}`);

/** Runs one step of the start, saying what it does and how long it took. */
async function step(title, fn) {
	const t0 = Date.now();
	say(`${title}...`);
	const result = await fn();
	say(`${title}: done in ${seconds(Date.now() - t0)}`);
	return result;
}

/** npm in this repository; its output is shown only when it fails. */
async function npm(args, { timeoutMs = 600_000 } = {}) {
	const result = await spawnCollect('npm', args, { cwd: ROOT, env: npmEnv(), timeoutMs });
	if (result.code !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`.slice(-4000));
}

function portIsFree(port) {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

async function assertPortsFree() {
	for (const [port, what, variable] of [
		[N8N_PORT, 'n8n', 'SANDBOX_N8N_PORT'],
		[API_PORT, 'the sandbox API', 'SANDBOX_API_PORT'],
	]) {
		if (!(await portIsFree(port))) {
			throw new Error(`Port ${port} (for ${what}) is in use: stop what runs there (another \`npm start\`, an n8n?) or set ${variable}.`);
		}
	}
}

function readState() {
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {
		return {};
	}
}

function writeState(state) {
	fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** Packs the package; installs the tarball into the user folder unless that very tarball is installed. */
async function installPackage(home, state) {
	const pack = await packPackage(ROOT, path.join(DIR, 'pack'));
	const tarball = fingerprint(fs.readFileSync(pack.tarball).toString('base64'));
	const packageDir = path.join(home, '.n8n', 'nodes', 'node_modules', pack.name);
	if (state.tarball === tarball && fs.existsSync(packageDir)) return `${pack.name}@${pack.version}, unchanged`;
	await installIntoUserFolder(pack, home);
	state.tarball = tarball;
	return `${pack.name}@${pack.version}`;
}

/** Imports the credential and the examples when they differ from what was imported last time. */
async function importSandboxData(cli, state, { baseUrl, filesDir, pictureUrl }) {
	const credential = sandboxCredential(baseUrl);
	const done = [];
	if (state.credential !== fingerprint(credential)) {
		await cli.importCredentials([credential]);
		state.credential = fingerprint(credential);
		done.push(`credential "${CREDENTIAL.name}"`);
	}
	const workflows = sandboxWorkflows({ filesDir, pictureUrl });
	if (state.workflows !== fingerprint(workflows)) {
		const folder = path.join(DIR, 'import');
		fs.rmSync(folder, { recursive: true, force: true });
		fs.mkdirSync(folder, { recursive: true });
		for (const { file, workflow } of workflows) fs.writeFileSync(path.join(folder, path.basename(file)), JSON.stringify(workflow, null, 2));
		await cli.mustCli(['import:workflow', '--separate', `--input=${folder}`]);
		state.workflows = fingerprint(workflows);
		done.push(`${workflows.length} example workflows`);
	}
	return done.length ? `imported ${done.join(' and ')}` : 'credential and example workflows unchanged';
}

/** The owner account n8n asks for on first use; later starts find it set up already. */
async function ensureOwner(server) {
	try {
		await server.rest('POST', '/rest/owner/setup', OWNER);
	} catch {
		// set up on an earlier start (n8n answers 400 then)
	}
}

/** Resolves when the n8n process has gone (it can stop on its own, e.g. on a fatal error). */
function whenGone(pid) {
	return new Promise((resolve) => {
		const timer = setInterval(() => {
			try {
				process.kill(pid, 0);
			} catch {
				clearInterval(timer);
				resolve();
			}
		}, 1000);
		cleanups.push(() => clearInterval(timer));
	});
}

function banner({ editorUrl, baseUrl, filesDir, logFile }) {
	const lines = [
		'',
		`  n8n is running with n8n-nodes-openai-videos:  ${editorUrl}`,
		`  Log in:  ${OWNER.email}  /  ${OWNER.password}   (the sandbox's owner account, set up for you)`,
		'',
		`  Sandbox Videos API: ${baseUrl}  (no API key needed; jobs finish after a few seconds)`,
		`  Credential "${CREDENTIAL.name}" and the example workflows are imported.`,
		'  Open "OpenAI Videos: prompt to MP4 file", click "Execute workflow", and open the Create Video',
		'  node\'s output: the binary tab plays the MP4.',
		`  Files the workflows write: ${filesDir}`,
		`  n8n's log: ${logFile}`,
		'',
		'  Ctrl-C stops n8n and the sandbox.',
		'',
	];
	console.log(lines.join('\n'));
}

async function main() {
	await assertPortsFree();
	fs.mkdirSync(DIR, { recursive: true });
	const home = path.join(DIR, 'home');
	const filesDir = path.join(DIR, 'files');
	const logFile = path.join(DIR, 'n8n.log');
	const state = fs.existsSync(path.join(home, '.n8n', 'database.sqlite')) ? readState() : {};

	await step('checking the project\'s dependencies', () => installIfNeeded({ log: say }));
	await step('building the package (npm run build)', () => npm(['run', 'build']));
	const install = await step('getting n8n (installed once, then taken from its cache)', () => ensureN8n({ log: say }));
	say(`n8n ${install.version} on Node ${install.nodeVersion}, from ${install.dir}`);
	fs.mkdirSync(home, { recursive: true });
	const installed = await step('packing the package and installing it into the sandbox\'s n8n', () => installPackage(home, state));
	say(installed);
	writeState(state);

	const { startSandboxApi } = require('./api-server'); // needs the devDependencies installed above
	const sandbox = await step('starting the sandbox Videos API', () => startSandboxApi({ port: API_PORT }));
	cleanups.push(() => sandbox.close());
	const cli = new N8nCli(install, { home, filesDir });
	const imported = await step('importing the sandbox credential and the example workflows', () =>
		importSandboxData(cli, state, { baseUrl: sandbox.baseUrl, filesDir, pictureUrl: `${sandbox.origin}/assets/first-frame.jpg` }),
	);
	say(imported);
	writeState(state);

	const editorUrl = `http://localhost:${N8N_PORT}`;
	const server = await step(`starting n8n on ${editorUrl}`, async () =>
		startN8nServer(cli, {
			port: N8N_PORT,
			logFile,
			env: { N8N_HOST: 'localhost', N8N_EDITOR_BASE_URL: editorUrl, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		}),
	);
	cleanups.push(() => server.stop());
	await ensureOwner(server);
	say(`ready in ${seconds(Date.now() - started)}`);
	banner({ editorUrl, baseUrl: sandbox.baseUrl, filesDir, logFile });

	await whenGone(server.pid);
	say(`n8n stopped on its own; the end of its log (${logFile}):\n${server.readLog().slice(-2000)}`);
	return false;
}

main().then(
	async (ok) => {
		await runCleanups();
		process.exit(ok ? 0 : 1);
	},
	async (error) => {
		console.error(`[sandbox] ${error?.message ?? error}`);
		await runCleanups();
		process.exit(1);
	},
);
