#!/usr/bin/env node
/*
 * The checks n8n's community-nodes team runs on a submission, run here before anyone publishes:
 *
 *   1. `n8n-node lint` (@n8n/node-cli, strict mode: the default eslint.config.mjs) via `npm run lint`;
 *   2. n8n's scanner (@n8n/scan-community-package) on the source, with its own file patterns
 *      (package.json, nodes/ and credentials/), as it lints the commit that npm provenance names;
 *   3. the same scanner on the package as published: `npm pack`, unpacked into a temporary folder,
 *      compiled `**\/*.js` and package.json (the scanner's second pass);
 *   4. the tarball ships what n8n loads: every node and credential package.json#n8n lists, and a
 *      codex file (<Node>.node.json) next to every node.
 *
 *   npm run verify        (after `npm run build`; prepublishOnly runs both)
 *
 * Prints every finding and exits 1 when there is any. Plain Node 20+.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const require = createRequire(import.meta.url);
const { assertBuilt, packPackage, missingListedFiles } = require('../e2e/package.js');

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

/** `npm run lint`, output passed through; true when it exits 0. */
function lintPasses() {
	const result = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: ROOT, stdio: 'inherit' });
	return result.status === 0;
}

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	if (result.passed) {
		console.log(`ok   scanner, ${label}${result.message ? ` (${result.message})` : ''}`);
		return true;
	}
	console.log(`FAIL scanner, ${label}: ${result.message}\n${result.details ?? ''}`);
	return false;
}

function unpack(tarball, destination) {
	fs.mkdirSync(destination, { recursive: true });
	const result = spawnSync('tar', ['-xzf', tarball, '-C', destination, '--strip-components=1'], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`tar -xzf ${tarball} failed: ${result.stderr}`);
	return destination;
}

/** Nodes listed in package.json#n8n without their codex file (<Node>.node.json) beside them. */
function nodesWithoutCodex(packageDir) {
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	return (manifest.n8n?.nodes ?? [])
		.map((file) => file.replace(/\.js$/, '.json'))
		.filter((codex) => !fs.existsSync(path.join(packageDir, codex)));
}

function check(ok, title, detail) {
	console.log(ok ? `ok   ${title}` : `FAIL ${title}: ${detail}`);
	return ok;
}

async function main() {
	assertBuilt(ROOT);
	const results = [];

	results.push(check(lintPasses(), 'n8n-node lint', 'see its output above'));
	results.push(await scan(`source (${SOURCE_FILE_PATTERNS.join(', ')})`, ROOT, SOURCE_FILE_PATTERNS));

	const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-openai-videos-verify-'));
	try {
		const pack = await packPackage(ROOT, temp);
		const packageDir = unpack(pack.tarball, path.join(temp, 'package'));
		results.push(await scan(`${path.basename(pack.tarball)} (${TARBALL_PATTERNS.join(', ')})`, packageDir, TARBALL_PATTERNS));
		const { listed, missing } = missingListedFiles(packageDir);
		results.push(check(!missing.length, `the tarball has the ${listed.length} files package.json#n8n lists`, missing.join(', ')));
		const noCodex = nodesWithoutCodex(packageDir);
		results.push(check(!noCodex.length, 'the tarball has a codex file next to every node', `missing ${noCodex.join(', ')}`));
	} finally {
		fs.rmSync(temp, { recursive: true, force: true });
	}

	const failed = results.filter((ok) => !ok).length;
	console.log(failed ? `verify: ${failed} of ${results.length} checks failed` : `verify: all ${results.length} checks passed`);
	return failed === 0;
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(error) => {
		console.error(error?.stack ?? error);
		process.exit(1);
	},
);
