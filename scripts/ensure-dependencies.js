#!/usr/bin/env node
'use strict';
/*
 * Installs this project's dependencies (`npm ci`) when node_modules is missing or older than
 * package-lock.json, so that the README's first commands work on a fresh clone:
 *
 *   npm test    runs it first (package.json#scripts.pretest)
 *   npm start   calls installIfNeeded() before it requires anything that is not Node's own
 *
 * node_modules/.package-lock.json is what npm writes last when an install ends: when it is missing,
 * or older than package-lock.json (a pull or merge changed the lock), the install is missing or stale.
 * Plain Node 20+, no dependencies.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');

const mtime = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/** Why an install is needed ('missing', 'stale'), or undefined when node_modules matches the lock. */
function installNeeded(root = ROOT) {
	const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
	if (installed === undefined) return 'missing';
	return installed < mtime(path.join(root, 'package-lock.json')) ? 'stale' : undefined;
}

/**
 * The environment for npm: npx without asking (eslint-plugin-n8n-nodes-base's preinstall calls
 * `npx only-allow pnpm`), and without the npm_config_package that `npx -p node@24 npm …` leaves
 * behind (an install script calling npx would run node@24 instead of its own package).
 */
function npmEnv() {
	const env = { ...process.env, npm_config_yes: 'true' };
	delete env.npm_config_package;
	return env;
}

/** The npm that runs this script when npm does (npm_execpath), on the same Node; else npm from PATH. */
function npmCommand(args) {
	const npmCli = process.env.npm_execpath;
	return npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli, ...args]] : ['npm', args];
}

/** Runs `npm ci` when needed, its output shown; throws when it fails. True when it installed. */
function installIfNeeded({ log = console.log } = {}) {
	const reason = installNeeded();
	if (!reason) return false;
	log(`node_modules is ${reason === 'missing' ? 'missing' : 'older than package-lock.json'}: installing the dependencies (npm ci)...`);
	const [command, args] = npmCommand(['ci', '--no-audit', '--no-fund']);
	const result = spawnSync(command, args, { cwd: ROOT, env: npmEnv(), stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`npm ci failed (exit ${result.status ?? result.signal ?? result.error?.message})`);
	return true;
}

module.exports = { installNeeded, installIfNeeded, npmEnv };

if (require.main === module) {
	try {
		installIfNeeded();
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}
