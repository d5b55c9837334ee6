'use strict';
/*
 * PostgreSQL and Redis for n8n's queue mode, from Debian's packages (`apt-get install -y
 * redis-server postgresql`), started in a folder of the run on free loopback ports and stopped by
 * the suite's cleanups:
 *
 *   const postgres = await startPostgres();      // { host, port, user, database, version, query(sql), stop() }
 *   const redis = await startRedis(dir);         // { host, port, version, stop() }
 *
 * `version` is what the running server reports (PostgreSQL's `SHOW server_version`, Redis' start
 * banner "Redis version=…"): the queue-mode case prints both, so a saved run log says which ones ran.
 *
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user Debian's
 * package creates, and its programs run through `runuser`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { freePort, spawnCollect } = require('../n8n-cli');

const HOST = '127.0.0.1';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Debian puts the server programs in /usr/lib/postgresql/<major>/bin; the newest wins. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((entry) => /^\d+$/.test(entry)) : [];
	const bin = majors
		.sort((a, b) => Number(b) - Number(a))
		.map((major) => path.join(root, major, 'bin'))
		.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
	if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (queue mode needs it)');
	return bin;
}

function redisBinary() {
	const found = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => fs.existsSync(file));
	if (!found) throw new Error('Redis is not installed: apt-get install -y redis-server (queue mode needs it)');
	return found;
}

const asRoot = process.getuid?.() === 0;

/** A PostgreSQL program, as the `postgres` user when we are root. */
function pgCommand(bin, program, args) {
	const file = path.join(bin, program);
	return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

async function mustRun([command, args], what) {
	const result = await spawnCollect(command, args, { env: process.env, cwd: '/', timeoutMs: 120_000 });
	if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}): ${result.stderr || result.stdout}`.slice(0, 3000));
	return result;
}

/** The cluster lives in its own folder under the system's temp folder, which `postgres` can reach. */
async function startPostgres({ database = 'n8n', user = 'postgres' } = {}) {
	const bin = postgresBinDir();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-postgres-'));
	const dataDir = path.join(dir, 'data');
	fs.mkdirSync(dataDir);
	if (asRoot) {
		fs.chmodSync(dir, 0o755);
		fs.chownSync(dataDir, ...postgresOwner());
	}
	await mustRun(pgCommand(bin, 'initdb', ['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync']), 'initdb');
	const port = await freePort();
	const logFile = path.join(dir, 'postgres.log');
	fs.writeFileSync(logFile, '');
	if (asRoot) fs.chownSync(logFile, ...postgresOwner());
	const options = `-p ${port} -k ${dataDir} -c listen_addresses=${HOST} -c fsync=off -c max_connections=100`;
	await mustRun(pgCommand(bin, 'pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', 'start']), 'pg_ctl start');
	await mustRun(pgCommand(bin, 'createdb', ['-h', HOST, '-p', String(port), '-U', user, database]), 'createdb');
	const psql = async (sql) => {
		const result = await mustRun(
			pgCommand(bin, 'psql', ['-h', HOST, '-p', String(port), '-U', user, '-d', database, '-At', '-F', '\t', '-c', sql]),
			`psql ${sql}`,
		);
		return result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
	};
	const [[version = 'unknown'] = []] = await psql('SHOW server_version');
	return {
		host: HOST,
		port,
		user,
		database,
		version,
		logFile,
		async stop() {
			await mustRun(pgCommand(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']), 'pg_ctl stop');
			if (process.env.E2E_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
		},
		/** Runs SQL with psql; returns the rows as arrays of strings (unaligned, tab-separated). */
		query: psql,
	};
}

function postgresOwner() {
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('postgres:'));
	if (!line) throw new Error('no postgres user: apt-get install -y postgresql creates it');
	const [, , uid, gid] = line.split(':');
	return [Number(uid), Number(gid)];
}

async function startRedis(dir) {
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const log = fs.openSync(logFile, 'a');
	const child = spawn(
		redisBinary(),
		['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'no'],
		{ stdio: ['ignore', log, log] },
	);
	const exited = new Promise((resolve) => child.on('exit', resolve));
	for (let tries = 0; ; tries++) {
		if (fs.readFileSync(logFile, 'utf8').includes('Ready to accept connections')) break;
		if (child.exitCode !== null || tries > 100) throw new Error(`redis-server did not start:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
		await sleep(100);
	}
	const banner = /Redis version=(\S+?),/.exec(fs.readFileSync(logFile, 'utf8'));
	return {
		host: HOST,
		port,
		version: banner ? banner[1] : 'unknown',
		logFile,
		async stop() {
			child.kill('SIGTERM');
			await exited;
			fs.closeSync(log);
		},
	};
}

module.exports = { startPostgres, startRedis };
