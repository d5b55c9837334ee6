'use strict';
/*
 * Drives the n8n command line of an installed n8n (see n8n-install.js) against one user folder.
 *
 *   const n8n = new N8nCli(install, { home, filesDir });
 *   await n8n.importCredentials([{ id, name, type, data }]);
 *   await n8n.importWorkflow(workflowJson);
 *   const run = await n8n.execute(workflowId);  // { ok, status, runData, error, execution, ms, stdout, stderr }
 *   const batch = await n8n.executeBatch([id1, id2]);  // several workflows in one n8n process: batch.runs[id]
 *   n8n.items(run, 'Node name')                 // output items of a node's first run, main output 0
 *
 * Every command runs on the cache's Node 24 with a fixed environment: SQLite in <home>/.n8n,
 * binary data in filesystem mode (<home>/.n8n/binaryData), community packages on, no telemetry,
 * no task runners, file access of the Read/Write Files from Disk node restricted to `filesDir`.
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ENCRYPTION_KEY = 'n8n-nodes-openai-videos-e2e-not-a-secret';

function n8nEnv(install, { home, filesDir, extra = {} }) {
	const env = { ...process.env };
	// An outer n8n or npm setting must not leak into the instance under test.
	for (const key of Object.keys(env)) {
		if (key.startsWith('N8N_') || key.startsWith('DB_') || key.startsWith('npm_')) delete env[key];
	}
	return {
		...env,
		PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: home,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		...extra,
	};
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function spawnCollect(command, args, { env, cwd, timeoutMs = 180_000 }) {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
		const stdout = [];
		const stderr = [];
		child.stdout.on('data', (chunk) => stdout.push(chunk));
		child.stderr.on('data', (chunk) => stderr.push(chunk));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code,
				signal,
				timedOut,
				ms: Date.now() - started,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			});
		});
	});
}

/**
 * The execution JSON in `n8n execute` output. On success n8n prints it alone; on failure it
 * logs it after "Execution error:" lines, so take the first line that is exactly "{" and parse
 * from there up to the matching closing line.
 */
function parseExecution(text) {
	const lines = text.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start].trimEnd() !== '{') continue;
		for (let end = lines.length - 1; end > start; end--) {
			if (lines[end].trimEnd() !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				// a shorter span may be the JSON
			}
		}
	}
	return undefined;
}

class N8nCli {
	/** `env`: settings on top of the fixed ones (queue mode: database, Redis); undefined unsets one. */
	constructor(install, { home, filesDir, env = {}, log = () => {} }) {
		this.install = install;
		this.home = home;
		this.filesDir = filesDir;
		this.log = log;
		this.env = n8nEnv(install, { home, filesDir, extra: env });
		this.inputDir = path.join(home, 'inputs');
		fs.mkdirSync(this.inputDir, { recursive: true });
		fs.mkdirSync(filesDir, { recursive: true });
	}

	/** <home>/.n8n: database, binary data, installed community packages. */
	get n8nFolder() {
		return path.join(this.home, '.n8n');
	}

	async cli(args, { timeoutMs } = {}) {
		const result = await spawnCollect(this.install.nodeBin, [this.install.n8nBin, ...args], {
			// its own task broker port: `n8n execute` starts a broker too, and two collide on 5679
			env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
			cwd: this.home,
			timeoutMs,
		});
		this.log(`n8n ${args.join(' ')}: exit ${result.code} in ${(result.ms / 1000).toFixed(1)} s`);
		return result;
	}

	async mustCli(args, options) {
		const result = await this.cli(args, options);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`.slice(0, 4000));
		}
		return result;
	}

	writeInput(name, value) {
		const file = path.join(this.inputDir, name);
		fs.writeFileSync(file, JSON.stringify(value, null, 2));
		return file;
	}

	async importCredentials(credentials) {
		const file = this.writeInput('credentials.json', credentials);
		await this.mustCli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow) {
		const file = this.writeInput(`workflow-${workflow.id}.json`, workflow);
		await this.mustCli(['import:workflow', `--input=${file}`]);
	}

	/** Several workflows with one `n8n import:workflow` (it takes an array): one n8n start, not one each. */
	async importWorkflows(workflows) {
		const file = this.writeInput(`workflows-${workflows[0].id}-and-${workflows.length - 1}-more.json`, workflows);
		await this.mustCli(['import:workflow', `--input=${file}`]);
	}

	/** Makes the workflow active at the next start (n8n 1.x has no publish, only active). */
	async publishWorkflow(id) {
		const major = Number(this.install.version.split('.')[0]);
		await this.mustCli(major < 2 ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`]);
	}

	/** `n8n execute --id` (the workflow must start with a Manual Trigger) and its run data. */
	async execute(id, { timeoutMs = 240_000 } = {}) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs });
		const execution = parseExecution(result.stdout);
		const resultData = execution?.data?.resultData;
		return {
			ok: result.code === 0 && execution?.status === 'success',
			exitCode: result.code,
			timedOut: result.timedOut,
			status: execution?.status,
			execution,
			runData: resultData?.runData ?? {},
			error: resultData?.error,
			lastNodeExecuted: resultData?.lastNodeExecuted,
			ms: result.ms,
			stdout: result.stdout,
			stderr: result.stderr,
		};
	}

	/**
	 * `n8n execute-batch`: the workflows one after the other in one n8n process (each `n8n execute`
	 * would start n8n anew, seconds each). n8n keeps only IDs with a digit in --ids (/\d+/), runs
	 * them in 'cli' mode as `n8n execute` does, writes a summary (--output) and, for each workflow
	 * that succeeded, its execution (--snapshot); --retries=0: a failed workflow must not run twice.
	 * Returns { exitCode, timedOut, ms, stdout, stderr, runs: { [id]: { ok, status, error, ms,
	 * execution, runData } } }; a failed workflow has n8n's error text ("<message> on node <name>")
	 * and no run data.
	 */
	async executeBatch(ids, { timeoutMs = 600_000 } = {}) {
		const dir = fs.mkdtempSync(path.join(this.inputDir, 'batch-'));
		const output = path.join(dir, 'summary.json');
		const args = ['execute-batch', `--ids=${ids.join(',')}`, '--retries=0', `--output=${output}`, `--snapshot=${dir}`];
		const result = await this.cli(args, { timeoutMs });
		const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
		const executions = readJson(output)?.executions ?? [];
		const runs = {};
		for (const id of ids) {
			const entry = executions.find((execution) => execution.workflowId === id);
			const execution = readJson(path.join(dir, `${id}-snapshot.json`));
			runs[id] = {
				ok: entry?.executionStatus === 'success' && Boolean(execution),
				status: entry?.executionStatus ?? 'not run',
				error: entry?.error,
				ms: entry && entry.executionTime * 1000,
				execution,
				runData: execution?.data?.resultData?.runData ?? {},
			};
		}
		return { exitCode: result.code, timedOut: result.timedOut, ms: result.ms, stdout: result.stdout, stderr: result.stderr, runs };
	}
}

/** Output items of a node: run `runIndex`, main output `output`. [] if the node did not run. */
function itemsOf(runData, nodeName, { runIndex = 0, output = 0 } = {}) {
	return runData?.[nodeName]?.[runIndex]?.data?.main?.[output] ?? [];
}

/** The error n8n recorded for a node's run, if any. */
function nodeErrorOf(runData, nodeName, runIndex = 0) {
	return runData?.[nodeName]?.[runIndex]?.error;
}

/** A short account of a failed execution for check details. */
function describeRun(run) {
	if (!run) return 'no run';
	const parts = [`status ${run.status ?? 'unknown'}`, `exit ${run.exitCode}`];
	if (run.timedOut) parts.push('timed out');
	if (run.error) parts.push(`error: ${run.error.message}${run.error.description ? ` (${run.error.description})` : ''}`);
	if (!run.execution) parts.push(`output: ${(run.stdout + run.stderr).trim().split('\n').slice(-8).join(' | ')}`);
	return parts.join('; ');
}

module.exports = { N8nCli, n8nEnv, spawnCollect, freePort, parseExecution, itemsOf, nodeErrorOf, describeRun, ENCRYPTION_KEY };
