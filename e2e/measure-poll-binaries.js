#!/usr/bin/env node
'use strict';
/*
 * Measures whether n8n's pruning ever removes binary data that a trigger stores inside poll().
 * (Why the OpenAI Videos Trigger no longer downloads: README, "Why the trigger emits videos".)
 *
 *   node e2e/measure-poll-binaries.js [minutes=5]
 *
 * In the pinned n8n, for the filesystem and the database binary mode side by side: a workflow
 * "Poll Binary Trigger (e2e fixture: stores 1 MiB inside poll()) -> OpenAI Videos Download (a
 * file stored inside the execution, the control)" is active in `n8n start` with pruning as
 * eager as n8n allows (keep 1 execution, soft and hard deletion every minute, no hard-delete
 * buffer). After the given minutes it counts executions and stored binaries by owner: the
 * execution IDs (pruned with their executions) and `temp` (poll-time files).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureN8n } = require('./n8n-install');
const { N8nCli, spawnCollect } = require('./n8n-cli');
const { startN8nServer } = require('./n8n-server');
const { packPackage, installIntoUserFolder, assertBuilt } = require('./package');
const { startFakeApi } = require('./lib/servers');
const { API_KEY, CREDENTIAL, credentialsFor } = require('./lib/context');
const { cleanups, runCleanups } = require('./lib/cleanups');

const ROOT = path.join(__dirname, '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'n8n-nodes-e2e-poll-binary');
const VIDEO_ID = 'video_measure';
const PRUNE_EAGERLY = {
	EXECUTIONS_DATA_PRUNE: 'true',
	EXECUTIONS_DATA_PRUNE_MAX_COUNT: '1',
	EXECUTIONS_DATA_HARD_DELETE_BUFFER: '0',
	EXECUTIONS_DATA_PRUNE_SOFT_DELETE_INTERVAL: '1',
	EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL: '1',
};

function workflow() {
	return {
		id: 'oaivMeasurePoll01',
		name: 'measure: poll-time binaries vs execution binaries',
		nodes: [
			{ id: 'a1', name: 'Poll Binary', type: 'n8n-nodes-e2e-poll-binary.pollBinaryTrigger', typeVersion: 1, position: [0, 0], parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, bytes: 1048576 } },
			{
				id: 'a2',
				name: 'Download',
				type: 'n8n-nodes-openai-videos.openAiVideos',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'video', operation: 'download', videoId: VIDEO_ID, variant: 'video', binaryPropertyName: 'video', options: {} },
				credentials: { openAiVideosApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		],
		connections: { 'Poll Binary': { main: [[{ node: 'Download', type: 'main', index: 0 }]] } },
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Files under <storage>/workflows/<id>/executions/<owner>/…, counted by owner ("temp" or an execution ID). */
function filesByOwner(n8nFolder, workflowId) {
	const executions = ['storage', 'binaryData']
		.map((folder) => path.join(n8nFolder, folder, 'workflows', workflowId, 'executions'))
		.find((dir) => fs.existsSync(dir));
	const owners = {};
	if (!executions) return owners;
	for (const owner of fs.readdirSync(executions)) {
		const files = fs.readdirSync(path.join(executions, owner), { recursive: true }).map((file) => path.join(executions, owner, file));
		const data = files.filter((file) => fs.statSync(file).isFile() && !file.endsWith('.metadata'));
		owners[owner] = { files: data.length, bytes: data.reduce((sum, file) => sum + fs.statSync(file).size, 0) };
	}
	return owners;
}

/**
 * Runs SQL on the instance's SQLite database with n8n's own driver, on the cache's Node 24 (the
 * driver is built for it; loaded into this Node it may crash).
 */
async function sqlite(install, n8nFolder, queries) {
	const script = `
		const sqlite3 = require(${JSON.stringify(path.join(install.n8nModules, 'sqlite3'))});
		const db = new sqlite3.Database(${JSON.stringify(path.join(n8nFolder, 'database.sqlite'))});
		const queries = ${JSON.stringify(queries)};
		const out = {};
		const next = (keys) => {
			if (!keys.length) return db.close(() => console.log(JSON.stringify(out)));
			db.all(queries[keys[0]], (error, rows) => {
				out[keys[0]] = error ? { error: error.message } : rows;
				next(keys.slice(1));
			});
		};
		next(Object.keys(queries));`;
	const result = await spawnCollect(install.nodeBin, ['-e', script], { env: process.env, cwd: n8nFolder });
	if (result.code !== 0) throw new Error(`sqlite query failed: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

const QUERIES = {
	executions: 'SELECT id, status, deletedAt FROM execution_entity ORDER BY id',
	binaryRows: 'SELECT sourceType, sourceId, COUNT(*) AS files, SUM(LENGTH(data)) AS bytes FROM binary_data GROUP BY sourceType, sourceId',
};

async function measure(mode, { install, runDir, api, packs, minutes }) {
	const home = path.join(runDir, mode);
	for (const pack of packs) await installIntoUserFolder(pack, home);
	const cli = new N8nCli(install, { home, filesDir: path.join(runDir, `${mode}-files`), env: { N8N_DEFAULT_BINARY_DATA_MODE: mode, ...PRUNE_EAGERLY } });
	await cli.importCredentials(credentialsFor(api.baseUrl));
	await cli.importWorkflow(workflow());
	await cli.publishWorkflow(workflow().id);
	const server = await startN8nServer(cli, { logFile: path.join(runDir, `${mode}.log`) });
	cleanups.push(() => server.stop());
	await new Promise((resolve) => setTimeout(resolve, minutes * 60_000));
	await server.stop();
	const { executions, binaryRows } = await sqlite(install, cli.n8nFolder, QUERIES);
	const stored = mode === 'database' ? binaryRows : filesByOwner(cli.n8nFolder, workflow().id);
	return { mode, executionsLeft: executions, stored };
}

async function main() {
	assertBuilt(ROOT);
	const minutes = Number(process.argv[2] ?? 5);
	const install = await ensureN8n({ log: (m) => console.error(m) });
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-measure-'));
	if (process.env.E2E_KEEP !== '1') cleanups.push(() => fs.rmSync(runDir, { recursive: true, force: true }));
	const api = await startFakeApi({ apiKey: API_KEY });
	cleanups.push(() => api.close());
	api.addVideo({ id: VIDEO_ID, status: 'completed' });
	api.setContent(VIDEO_ID, 'video', { size: 512 * 1024 });
	try {
		const packs = [await packPackage(ROOT, path.join(runDir, 'pack')), await packPackage(FIXTURE, path.join(runDir, 'pack'))];
		console.error(`n8n ${install.version}: ${minutes} minutes, filesystem and database mode side by side...`);
		const results = await Promise.all(['filesystem', 'database'].map((mode) => measure(mode, { install, runDir, api, packs, minutes })));
		console.log(JSON.stringify({ n8n: install.version, minutes, prune: PRUNE_EAGERLY, contentRequests: api.requests.filter((r) => r.path.endsWith('/content')).length, results }, null, 2));
	} finally {
		await runCleanups();
	}
}

main().catch((error) => {
	console.error(error?.stack ?? error);
	process.exit(1);
});
