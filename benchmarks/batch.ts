/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
import type { INodeParameters } from 'n8n-workflow';

import { credentialsFor, startFakeApi, type FakeApi } from '../test/harness/fake-api';
import { runNode } from '../test/harness/run-node';
import { report } from './measure';

const items = (count: number) => Array.from({ length: count }, (_, n) => ({ json: { prompt: `scene ${n}` } }));
const create = (extra: INodeParameters) => ({ resource: 'video', operation: 'create', prompt: '={{ $json.prompt }}', ...extra });

async function timed(api: FakeApi, parameters: INodeParameters, count: number) {
	const started = performance.now();
	const result = await runNode({ credentials: credentialsFor(api), parameters, items: items(count) });
	return { ...result, seconds: (performance.now() - started) / 1000 };
}

/** 50 items against a server that takes 10 creates a second and answers 429 retry-after: 1 beyond. */
async function rateLimited(api: FakeApi): Promise<void> {
	api.reset();
	api.createsPerSecond = 10;
	const { items: output, error, seconds } = await timed(api, create({ waitForCompletion: false, options: { maxParallelJobs: 50 } }), 50);
	const creates = api.requests.filter((request) => request.method === 'POST').length;
	console.log(
		`batch: 50 items at 10 creates/s: ${creates} create requests, ${api.videos.size} paid jobs, ${output.length} items out, ${seconds.toFixed(1)} s, peak ${api.peakConnections} connections${error ? `, error: ${error.message}` : ''}`,
	);
	report('batch: paid jobs for 50 items', String(api.videos.size), '50', api.videos.size === 50 && output.length === 50);
}

/** 20 items × jobs of a few seconds, server hint 1 s: how many requests the waiting takes. */
async function manyWaits(api: FakeApi, jobSeconds: number): Promise<void> {
	api.reset();
	api.jobPlan = { completeAfterMs: jobSeconds * 1000, pollAfterMs: 1000 };
	const { error, seconds } = await timed(api, create({ downloadResult: true }), 20);
	if (error) throw error;
	const requests = api.requests.length;
	console.log(`batch: 20 items × ${jobSeconds} s jobs: ${seconds.toFixed(1)} s, ${requests} requests (${api.requests.filter((r) => r.path === '/videos' && r.method === 'GET').length} list polls), peak ${api.peakConnections} connections`);
	report(`batch: node time for 20 × ${jobSeconds} s jobs`, `${seconds.toFixed(1)} s`, `<= ${(jobSeconds * 1.1).toFixed(1)} s`, seconds <= jobSeconds * 1.1);
	report(`batch: requests for 20 × ${jobSeconds} s jobs`, String(requests), '<= 80', requests <= 80);
}

export async function benchBatch(): Promise<void> {
	const api = await startFakeApi();
	try {
		await rateLimited(api);
		await manyWaits(api, Number(process.env.BENCH_JOB_SECONDS ?? 30));
	} finally {
		await api.close();
	}
}
