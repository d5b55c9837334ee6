'use strict';
/*
 * The fake API in its own process (benchmarks/content-server.cjs), serving one finished video per
 * size, so a measurement sees only the downloading side:
 *   const server = await startContentProcess([1, 256]);   // sizes in MiB
 *   server.urlOf(256)   // GET URL of the 256 MiB file;  server.apiKey;  server.stop()
 */
const { fork } = require('node:child_process');
const path = require('node:path');

const API_KEY = 'sk-bench-key';

async function startContentProcess(sizesMiB) {
	const child = fork(path.join(__dirname, '..', 'content-server.cjs'), {
		env: { ...process.env, FAKE_API_KEY: API_KEY, SIZES_MIB: JSON.stringify(sizesMiB) },
	});
	const { baseUrl, ids } = await new Promise((resolve) => child.once('message', resolve));
	return {
		baseUrl,
		apiKey: API_KEY,
		urlOf: (sizeMiB) => `${baseUrl}/videos/${ids[sizeMiB]}/content`,
		stop: () => child.kill(),
	};
}

module.exports = { startContentProcess };
