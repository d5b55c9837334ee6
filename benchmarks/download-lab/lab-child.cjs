'use strict';
/*
 * One download in a fresh process, driven by lab.cjs over IPC:
 *   env LAB_MODULES (node_modules holding n8n-core), LAB_API_KEY, LAB_STORE (binary data folder)
 *   message {variant: 'source>sink', warmUrl, url}  -> warms up with warmUrl, answers 'ready'
 *   message 'go'                                    -> downloads url, answers {ms, bytes}
 */
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const modules = process.env.LAB_MODULES;
process.env.N8N_USER_FOLDER = path.dirname(process.env.LAB_STORE);
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
process.env.N8N_BINARY_DATA_STORAGE_PATH = process.env.LAB_STORE;

const { sources, sinks } = require('./variants.cjs');

async function prepare() {
	const { Container } = require(path.join(modules, '@n8n/di'));
	const { BinaryDataService } = require(path.join(modules, 'n8n-core'));
	await Container.get(BinaryDataService).init();
}

function variantOf(name) {
	const [sourceName, sinkName] = name.split('>');
	const source = sources({ modules, apiKey: process.env.LAB_API_KEY })[sourceName];
	const sink = sinks({ modules })[sinkName];
	if (!source || !sink) throw new Error(`unknown variant ${name}`);
	return async (url) => await sink(await source(url));
}

let job;
process.on('message', async (message) => {
	try {
		if (message === 'go') {
			const started = performance.now();
			const bytes = await job.run(job.url);
			process.send({ ms: performance.now() - started, bytes });
			return;
		}
		await prepare();
		job = { run: variantOf(message.variant), url: message.url };
		await job.run(message.warmUrl);
		await sleep(300);
		process.send('ready');
	} catch (error) {
		process.send({ error: error.stack ?? String(error) });
	}
});
