/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/** The first lines of `npm run bench`'s output: what ran where, so a saved output can back a figure. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

function versionOf(packageName: string): string {
	try {
		const file = require.resolve(`${packageName}/package.json`, { paths: [process.cwd()] });
		return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

export function load(): string {
	return `load ${loadavg().map((value) => value.toFixed(2)).join(' ')} (1/5/15 min), ${cpus().length} cores`;
}

/** The commit the bench ran, with "+changes" when the work tree differs from it. */
function commitOf(): string {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
		return dirty ? `${commit}+changes` : commit;
	} catch {
		return 'unknown commit';
	}
}

export function printHeader(): void {
	const ownVersion = (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version;
	console.log(`# npm run bench (benchmarks/run.ts), ${new Date().toISOString()}`);
	console.log(`# on ${hostname()}: ${load()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`);
	console.log(`# n8n-nodes-openai-videos ${ownVersion} (${commitOf()}) in n8n-core ${versionOf('n8n-core')} (n8n-workflow ${versionOf('n8n-workflow')}), in-process, filesystem binary mode`);
}
