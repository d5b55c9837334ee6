'use strict';
/*
 * `npm start` (sandbox/start.js) as a newcomer runs it, in a fresh `git clone` of this repository's
 * HEAD (no node_modules, no dist/: commit first): it installs the dependencies, builds, comes up,
 * n8n answers on its port with the example workflows and the sandbox credential imported, example 1
 * run in that n8n writes a playable MP4 (the sandbox's fixture), and Ctrl-C stops n8n and the
 * sandbox API.
 *
 * The clone and its sandbox folder live in the run folder; free ports (SANDBOX_N8N_PORT,
 * SANDBOX_API_PORT) let a `npm start` of the developer's own keep running; the suite's n8n is used
 * (N8N_E2E_DIR is passed on), so only the n8n install is not cold. Ctrl-C is a SIGINT to the
 * process group, as a terminal sends it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { freePort } = require('../n8n-server');
const { waitFor } = require('../lib/context');
const { OWNER, CREDENTIAL } = require('../../sandbox/n8n-data');
const { FIXTURES, SAMPLE_VIDEO } = require('../../sandbox/api-server');

const READY = /\[sandbox\] ready in/;
// npm ci (1–5 minutes on a busy 2-core machine), the build, the pack and n8n's start
const START_TIMEOUT_MS = 1_200_000;

/** A fresh clone of the repository's HEAD, as a newcomer gets it. */
function cloneRepository(root, destination) {
	const result = spawnSync('git', ['clone', '--quiet', root, destination], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`git clone ${root} failed: ${result.stderr}`);
	return destination;
}

/** `npm start` in its own process group; collects its output. */
function startSandbox(root, env) {
	const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = { text: '' };
	child.stdout.on('data', (chunk) => (output.text += chunk));
	child.stderr.on('data', (chunk) => (output.text += chunk));
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	return { child, output, exited };
}

/** n8n's REST API as the editor uses it, logged in as the sandbox's owner. */
async function loginTo(baseUrl) {
	let cookie = '';
	async function rest(method, urlPath, body) {
		const response = await fetch(`${baseUrl}${urlPath}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': 'npm-start-e2e', ...(cookie && { cookie }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const auth = response.headers.getSetCookie().find((entry) => entry.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${urlPath}: HTTP ${response.status} ${text.slice(0, 300)}`);
		return JSON.parse(text).data;
	}
	await rest('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	return rest;
}

/** Runs a workflow from its manual trigger, as "Execute workflow" in the editor does; the finished execution. */
async function runFromEditor(rest, workflowId, triggerName) {
	const workflow = await rest('GET', `/rest/workflows/${workflowId}`);
	const { executionId } = await rest('POST', `/rest/workflows/${workflowId}/run`, {
		workflowData: workflow,
		triggerToStartFrom: { name: triggerName },
	});
	return waitFor(
		async () => {
			const execution = await rest('GET', `/rest/executions/${executionId}`);
			return ['success', 'error', 'crashed', 'canceled'].includes(execution.status) ? execution : undefined;
		},
		{ timeoutMs: 120_000, intervalMs: 1000 },
	);
}

module.exports = {
	title: 'npm start',
	async run({ root, runDir, cleanups, note }, t) {
		const clone = cloneRepository(root, path.join(runDir, 'npm-start-clone'));
		t.equal(
			['node_modules', 'dist'].filter((entry) => fs.existsSync(path.join(clone, entry))),
			[],
			'the clone has no node_modules and no dist/',
		);
		const dir = path.join(runDir, 'sandbox');
		const [n8nPort, apiPort] = [await freePort(), await freePort()];
		const sandbox = startSandbox(clone, { SANDBOX_DIR: dir, SANDBOX_N8N_PORT: String(n8nPort), SANDBOX_API_PORT: String(apiPort) });
		const stop = () => {
			try {
				process.kill(-sandbox.child.pid, 'SIGINT');
			} catch {
				// already gone
			}
			return sandbox.exited;
		};
		cleanups.push(stop);

		const ready = await waitFor(() => READY.test(sandbox.output.text), { timeoutMs: START_TIMEOUT_MS, intervalMs: 500 });
		t.ok(ready, '`npm start` comes up in the fresh clone', sandbox.output.text.slice(-3000));
		t.match(sandbox.output.text, /installing the dependencies \(npm ci\)/, 'it installed the dependencies itself');
		if (!ready) return;
		for (const line of sandbox.output.text.match(/\[sandbox\] (checking the project's dependencies: done|ready) in .*/g) ?? []) note(`fresh clone, npm start: ${line}`);
		t.match(sandbox.output.text, new RegExp(`http://localhost:${n8nPort}`), 'it prints the editor\'s URL');
		t.match(sandbox.output.text, new RegExp(`${OWNER.email}\\s+/\\s+${OWNER.password}`), 'it prints how to log in');

		const baseUrl = `http://127.0.0.1:${n8nPort}`;
		const health = await fetch(`${baseUrl}/healthz/readiness`).catch((error) => ({ ok: false, status: error.message }));
		t.ok(health.ok, `n8n answers on port ${n8nPort}`, String(health.status));

		const rest = await loginTo(baseUrl).catch((error) => error);
		t.ok(typeof rest === 'function', 'the printed owner account logs in', rest?.message);
		if (typeof rest !== 'function') return;
		const examples = fs.readdirSync(path.join(root, 'examples')).filter((file) => file.endsWith('.json'));
		const exampleIds = examples.map((file) => JSON.parse(fs.readFileSync(path.join(root, 'examples', file), 'utf8')).id).sort();
		const workflows = await rest('GET', '/rest/workflows');
		t.equal(workflows.map((workflow) => workflow.id).filter((id) => exampleIds.includes(id)).sort(), exampleIds, 'every example workflow is imported');
		const credentials = await rest('GET', '/rest/credentials');
		t.ok(
			credentials.some((credential) => credential.id === CREDENTIAL.id && credential.type === 'openAiVideosApi'),
			'the sandbox credential is there',
			credentials.map((credential) => `${credential.id} ${credential.type}`).join(', '),
		);

		const list = await fetch(`http://127.0.0.1:${apiPort}/v1/videos`, { headers: { authorization: 'Bearer any-key' } });
		const listed = list.ok ? (await list.json()).data.map((video) => video.id) : [];
		t.ok(listed.includes(SAMPLE_VIDEO.id), `the sandbox API answers any key and has ${SAMPLE_VIDEO.id}`, `HTTP ${list.status}: ${listed}`);

		const execution = await runFromEditor(rest, 'oaivExPromptToFile', 'Start');
		t.equal(execution?.status, 'success', 'example 1 runs in that n8n ("Execute workflow")');
		const written = fs.existsSync(path.join(dir, 'files')) ? fs.readdirSync(path.join(dir, 'files')).filter((file) => file.endsWith('.mp4')) : [];
		const mp4 = written.length === 1 ? fs.readFileSync(path.join(dir, 'files', written[0])) : undefined;
		t.ok(mp4?.equals(fs.readFileSync(path.join(FIXTURES, 'landscape.mp4'))), 'it writes the sandbox\'s playable MP4', `files: ${written.join(', ')}`);

		const exit = await Promise.race([stop(), new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
		t.ok(exit, 'Ctrl-C stops `npm start` (within 60 s)', sandbox.output.text.slice(-1500));
		const answers = (url) => fetch(url).then(() => true, () => false);
		t.equal(
			[await answers(`${baseUrl}/healthz`), await answers(`http://127.0.0.1:${apiPort}/`)],
			[false, false],
			'n8n and the sandbox API are stopped with it',
		);
	},
};
