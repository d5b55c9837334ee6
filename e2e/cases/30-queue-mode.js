'use strict';
/*
 * Queue mode, as users who outgrow one n8n process run it: PostgreSQL and Redis (Debian's
 * packages), `n8n start` (the main) and one `n8n worker` with the same user folder (the packed
 * package installed in <user folder>/.n8n/nodes) and the same encryption key, each with its own
 * task broker port; binary data in n8n's default for queue mode (the database).
 *
 *   1. A webhook on the main starts Create (wait, download) -> Read/Write Files from Disk: the
 *      file is written by the worker (its name carries the process's E2E_PROCESS) and holds the
 *      server's bytes.
 *   1b. n8n's Retry of a failed execution (lib/retry-scenario.js): the failed run and its Retry
 *      (POST /rest/executions/:id/retry on the main) run on the worker; the Retry resumes the
 *      jobs the failed run created: 3 creates in all.
 *   2. A webhook starts Download of a 255 MiB file: the largest the database mode can return from
 *      PostgreSQL (see LARGE_BYTES).
 *   3. The trigger (example 3b, filtered to model sora-2-pro so the jobs above do not fire it)
 *      runs on the main; its executions run on the worker. Three jobs finish: one while both
 *      run, one while the worker is down (its execution waits in Redis), one while the main is
 *      down. Each video fires the workflow exactly once and is saved once.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const { N8nCli, itemsOf } = require('../n8n-cli');
const { startN8nServer } = require('../n8n-server');
const { installIntoUserFolder } = require('../package');
const { startPostgres, startRedis } = require('../lib/queue-services');
const { loadExample, loadTestWorkflow, prepare, setParameter } = require('../lib/workflows');
const { CREDENTIAL, credentialsFor, requestsOf, waitFor } = require('../lib/context');
const { scenario, total } = require('../lib/retry-scenario');
const { patternStream } = require('../../fake-api/content.cjs');

/**
 * The largest file n8n's database binary mode can hand back from PostgreSQL: node-postgres reads
 * bytea as hex text ("\\x" + 2 characters a byte), and V8's longest string is 0x1fffffe8
 * characters, so a file of 256 MiB - 12 bytes or more is stored but can never be read again
 * ("Cannot create a string longer than 0x1fffffe8 characters" in the worker). 255 MiB fits.
 */
const LARGE_BYTES = 255 * 1024 * 1024;
const TRIGGER_MODEL = 'sora-2-pro';
const POLL_WAIT = { timeoutMs: 150_000, intervalMs: 500 }; // n8n polls at the start of each minute

async function sha256(stream) {
	const hash = crypto.createHash('sha256');
	await pipeline(stream, hash);
	return hash.digest('hex');
}

function queueEnv(postgres, redis) {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_DEFAULT_BINARY_DATA_MODE: undefined, // n8n's own choice for queue mode
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false', // the workflows name files after $env.E2E_PROCESS
	};
}

async function postWebhook(main, webhookPath, body) {
	const response = await fetch(`${main.baseUrl}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(600_000),
	});
	return { status: response.status, json: await response.json().catch(() => undefined) };
}

/** Every item the trigger emitted, over all executions of the trigger workflow. */
async function emittedIds(main, workflowId) {
	const ids = [];
	for (const summary of await main.executions(workflowId)) {
		const execution = await main.execution(summary.id);
		ids.push(...itemsOf(execution.data?.resultData?.runData, 'On Finished Video').map((item) => item.json.id));
	}
	return ids.sort();
}

module.exports = {
	title: 'queue mode: main, worker, Postgres, Redis',
	async run({ install, pack, api, runDir, cleanups, note }, t) {
		const dir = path.join(runDir, 'queue');
		const home = path.join(dir, 'home');
		const filesDir = path.join(dir, 'files');
		fs.mkdirSync(dir, { recursive: true });
		let started = Date.now();
		const postgres = await startPostgres();
		cleanups.push(() => postgres.stop());
		const redis = await startRedis(dir);
		cleanups.push(() => redis.stop());
		await installIntoUserFolder(pack, home);
		const cli = new N8nCli(install, { home, filesDir, env: queueEnv(postgres, redis) });
		await cli.importCredentials(credentialsFor(api.baseUrl));
		const create = prepare(loadTestWorkflow('queue-create.json'), { credential: CREDENTIAL, filesDir });
		const download = prepare(loadTestWorkflow('queue-download.json'), { credential: CREDENTIAL, filesDir });
		const retried = prepare(loadTestWorkflow('retry-execution.json'), { credential: CREDENTIAL, filesDir });
		const save = prepare(loadExample('3b-pipeline-save-finished.json'), { credential: CREDENTIAL, filesDir });
		setParameter(save, 'On Finished Video', 'options.model', TRIGGER_MODEL);
		setParameter(save, 'Save MP4', 'fileName', `=${filesDir}/{{ $env.E2E_PROCESS }}-trigger-{{ $('On Finished Video').item.json.id }}.mp4`);
		for (const workflow of [create, download, save, retried]) {
			await cli.importWorkflow(workflow);
			await cli.publishWorkflow(workflow.id);
		}
		const jobs = ['one', 'two', 'three'].map((name) =>
			String(api.addVideo({ id: `video_queue_trigger_${name}`, status: 'queued', progress: 0, model: TRIGGER_MODEL }).id),
		);

		let starts = 0;
		const start = async (role) => {
			const server = await startN8nServer(cli, {
				command: role === 'main' ? 'start' : 'worker',
				logFile: path.join(dir, `${role}-${++starts}.log`),
				env: { E2E_PROCESS: role }, // each process gets its own task broker port (n8n-server.js)
			});
			cleanups.push(() => server.stop());
			return server;
		};
		let main = await start('main');
		let worker = await start('worker');
		note(`queue mode: PostgreSQL ${postgres.version} (port ${postgres.port}), Redis ${redis.version} (port ${redis.port}), main and worker up (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		await main.setupOwner();
		const activated = await waitFor(() => requestsOf(api, 'GET', '/videos').length > 0, { timeoutMs: 60_000 });
		t.ok(activated, 'the main polls the trigger when it activates the workflow', main.readLog().slice(-1500));

		// 1. Create on the worker.
		api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 200 };
		const created = await postWebhook(main, 'e2e-queue-create', { prompt: 'A lighthouse, queue mode' });
		const [createRequest] = requestsOf(api, 'POST', '/videos');
		const id = [...api.videos.keys()].find((key) => !jobs.includes(key));
		t.equal(created.status, 200, 'the webhook answers 200 with the last node\'s JSON', JSON.stringify(created.json));
		t.ok(createRequest?.json?.prompt === 'A lighthouse, queue mode', 'Create sent the webhook\'s prompt');
		const onWorker = path.join(filesDir, `worker-${id}.mp4`);
		t.equal(fs.existsSync(onWorker) ? fs.readFileSync(onWorker, 'utf8') : undefined, `fake-mp4:${id}`, 'the worker wrote the file, and it holds the server\'s bytes');
		t.ok(!fs.existsSync(path.join(filesDir, `main-${id}.mp4`)), 'the main did not run the workflow');
		const [summary] = await main.executions(create.id);
		const execution = summary && (await main.execution(summary.id));
		const binary = itemsOf(execution?.data?.resultData?.runData, 'Create Video')[0]?.binary?.data;
		t.match(binary?.id, /^database:/, 'the file went into n8n\'s database binary store (queue mode\'s default)');

		// 1b. n8n's Retry of a failed execution, on the worker.
		const retry = await scenario(t, { api, server: main, workflowId: retried.id }, { tag: 'queue', start: 'webhook', loadWorkflow: false });
		note(`creates: queue mode, item 1 timed out, Retry with original workflow: ${total(retry.creates)} ${JSON.stringify(retry.creates)}`);

		// 2. A large file.
		started = Date.now();
		const largeId = 'video_queue_large';
		api.addVideo({ id: largeId, status: 'completed' });
		api.setContent(largeId, 'video', { size: LARGE_BYTES });
		const large = await postWebhook(main, 'e2e-queue-download', { id: largeId });
		const largeFile = path.join(filesDir, `worker-${largeId}.mp4`);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		t.equal(large.status, 200, `a ${(LARGE_BYTES / 2 ** 20).toFixed(0)} MiB download through the worker succeeds (${seconds} s)`, JSON.stringify(large.json));
		t.equal(fs.existsSync(largeFile) ? fs.statSync(largeFile).size : undefined, LARGE_BYTES, 'the worker wrote all of it');
		if (fs.existsSync(largeFile)) {
			t.equal(await sha256(fs.createReadStream(largeFile)), await sha256(patternStream(LARGE_BYTES)), 'byte for byte the server\'s');
			fs.rmSync(largeFile);
		}
		note(`queue mode: ${(LARGE_BYTES / 2 ** 20).toFixed(0)} MiB through Download, the database store and Write File in ${seconds} s`);

		// 3. The trigger across restarts.
		const saved = (videoId) => path.join(filesDir, `worker-trigger-${videoId}.mp4`);
		const savedOnce = (videoId) => waitFor(() => fs.existsSync(saved(videoId)), POLL_WAIT);
		api.setStatus(jobs[0], 'completed');
		t.ok(await savedOnce(jobs[0]), 'a job that finishes while both run is saved by the worker', main.readLog().slice(-1500));

		await worker.stop();
		api.setStatus(jobs[1], 'completed');
		const listsBefore = requestsOf(api, 'GET', '/videos').length;
		const polled = await waitFor(() => requestsOf(api, 'GET', '/videos').length > listsBefore, POLL_WAIT);
		await waitFor(() => requestsOf(api, 'GET', `/videos/${jobs[1]}/content`).length > 0, { timeoutMs: 3000 });
		t.ok(polled && !fs.existsSync(saved(jobs[1])), 'with the worker down the main still polls, and nothing runs the execution');
		worker = await start('worker');
		t.ok(await savedOnce(jobs[1]), 'the restarted worker runs the execution that waited in Redis');

		await main.stop();
		api.setStatus(jobs[2], 'completed');
		main = await start('main');
		await main.setupOwner();
		t.ok(await savedOnce(jobs[2]), 'a job that finished while the main was down is saved after the main is back');

		const listsNow = requestsOf(api, 'GET', '/videos').length;
		await waitFor(() => requestsOf(api, 'GET', '/videos').length > listsNow, POLL_WAIT);
		await waitFor(() => false, { timeoutMs: 3000 }); // an execution that poll started would be saving now
		t.equal(await emittedIds(main, save.id), [...jobs].sort(), 'over all polls, restarts included, the trigger emitted each video exactly once');
		t.equal(
			fs.readdirSync(filesDir).filter((file) => file.includes('-trigger-')).sort(),
			jobs.map((job) => path.basename(saved(job))).sort(),
			'each video was saved once, by the worker',
		);
		t.equal(
			jobs.map((job) => requestsOf(api, 'GET', `/videos/${job}/content`).length),
			[1, 1, 1],
			'each video was downloaded once',
		);
	},
};
