'use strict';
/*
 * One real n8n for the whole benchmark: the e2e suite's cached n8n 2.40.7 (e2e/n8n-install.js),
 * this package packed and installed into a fresh user folder (e2e/package.js), the bench
 * credentials and workflows imported and published, then `n8n start` (e2e/n8n-server.js).
 *
 *   const n8n = await startBenchN8n({ baseUrl, apiKey, nodeOptions, keep, note });
 *   const run = await n8n.run('ours', ['a prompt', ...]);   // webhook call, answered when the node is done
 *   run.node   // the node's run data: { startTime, executionTime, executionStatus, error, data }
 *   n8n.pid    // the n8n process (for its memory);  await n8n.stop();
 */
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n } = require('../../e2e/n8n-install');
const { N8nCli } = require('../../e2e/n8n-cli');
const { startN8nServer, freePort } = require('../../e2e/n8n-server');
const { assertBuilt, packPackage, installIntoUserFolder } = require('../../e2e/package');
const { cpuMs } = require('../lib/proc-usage.cjs');
const { credentialsFor, workflowFor, webhookPath, NODE_NAME, SIDES } = require('./workflows.cjs');

const ROOT = path.join(__dirname, '..', '..');

/** POST JSON and wait for the answer however long it takes (no client timeout). */
function postJson(url, body) {
	return new Promise((resolve, reject) => {
		const payload = Buffer.from(JSON.stringify(body));
		const request = http.request(
			url,
			{ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length } },
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(payload);
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** n8n keeps busy for a while after it is ready: wait until it uses < 5 % of a core (at most 90 s). */
async function settle(pid) {
	const until = Date.now() + 90_000;
	let before = cpuMs(pid);
	while (Date.now() < until) {
		await sleep(2000);
		const now = cpuMs(pid);
		if (now - before < 100) return;
		before = now;
	}
}

async function startBenchN8n({ baseUrl, apiKey, nodeOptions = '', keep = false, note = () => {} }) {
	assertBuilt(ROOT);
	const install = await ensureN8n({ log: note });
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-openai-videos-bench-'));
	const home = path.join(runDir, 'home');
	fs.mkdirSync(home, { recursive: true });
	const cleanup = () => (keep ? note(`run folder kept: ${runDir}`) : fs.rmSync(runDir, { recursive: true, force: true }));
	let server;
	try {
		const pack = await packPackage(ROOT, path.join(runDir, 'pack'));
		await installIntoUserFolder(pack, home);
		const cli = new N8nCli(install, { home, filesDir: path.join(runDir, 'files') });
		await cli.importCredentials(credentialsFor(baseUrl, apiKey));
		const workflows = Object.fromEntries(SIDES.map((side) => [side, workflowFor(side)]));
		for (const workflow of Object.values(workflows)) {
			await cli.importWorkflow(workflow);
			await cli.publishWorkflow(workflow.id);
		}
		server = await startN8nServer(cli, {
			logFile: path.join(runDir, 'n8n-start.log'),
			env: { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...(nodeOptions && { NODE_OPTIONS: nodeOptions }) },
		});
		await server.setupOwner();
		await settle(server.pid);
		note(`n8n ${install.version} started (pid ${server.pid}) with ${pack.name} ${pack.version}; run folder ${runDir}`);
	} catch (error) {
		await server?.stop();
		cleanup();
		throw error;
	}

	const seen = new Set();
	/** The execution the last webhook call started, once n8n has saved it. */
	async function newestExecution(workflowId) {
		for (let attempt = 0; attempt < 300; attempt++) {
			const fresh = (await server.executions(workflowId)).filter((entry) => !seen.has(entry.id));
			const done = fresh.find((entry) => !['new', 'running', 'waiting'].includes(entry.status));
			if (done) {
				seen.add(done.id);
				return await server.execution(done.id);
			}
			await sleep(200);
		}
		throw new Error(`no finished execution of ${workflowId} after the webhook answered`);
	}

	/** n8n registers the published workflows' webhooks shortly after it is ready: retry a 404 for a while. */
	async function callWebhook(side, prompts) {
		const url = `${server.baseUrl}/webhook/${webhookPath(side)}`;
		for (let attempt = 0; ; attempt++) {
			const answer = await postJson(url, { items: prompts.map((prompt) => ({ prompt })) });
			if (answer.status !== 404 || attempt >= 60) return answer;
			await sleep(1000);
		}
	}

	return {
		pid: server.pid,
		runDir,
		/** Runs one side's workflow with one item per prompt; resolves when n8n has finished it. */
		async run(side, prompts) {
			const answer = await callWebhook(side, prompts);
			if (answer.status !== 200) throw new Error(`${side}: the webhook answered HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
			const execution = await newestExecution(workflowFor(side).id);
			const node = execution.data?.resultData?.runData?.[NODE_NAME]?.[0];
			const error = node?.error ?? execution.data?.resultData?.error;
			if (!node || error) {
				throw new Error(`${side}: the run failed: ${error?.message ?? 'no run data'} ${error?.description ?? ''}`);
			}
			return { node, items: node.data?.main?.[0] ?? [] };
		},
		readLog: () => server.readLog(),
		async stop() {
			await server.stop();
			cleanup();
		},
	};
}

module.exports = { startBenchN8n };
