/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
import { credentialsFor, startFakeApi } from '../test/harness/fake-api';
import { runNode } from '../test/harness/run-node';
import { report } from './measure';

/** Delay between the server marking a job completed and the node's next look at it (server hints 1 s). */
export async function benchWait(): Promise<void> {
	const api = await startFakeApi();
	const latencies: number[] = [];
	try {
		for (let run = 0; run < 3; run++) {
			api.reset();
			api.jobPlan = { completeAfterMs: 2300 + run * 300, pollAfterMs: 1000 };
			const { error } = await runNode({
				credentials: credentialsFor(api),
				parameters: { resource: 'video', operation: 'create', prompt: 'bench', downloadResult: false, options: { pollInterval: 1 } },
			});
			if (error) throw error;
			const [video] = [...api.videos.values()];
			const completedAt = api.completedAt(String(video.id))!;
			const noticed = api.requests.find((request) => request.method === 'GET' && request.receivedAt >= completedAt)!;
			latencies.push(noticed.receivedAt - completedAt);
		}
	} finally {
		await api.close();
	}
	const worst = Math.max(...latencies);
	console.log(`wait: notice delays ${latencies.map((ms) => `${ms} ms`).join(', ')}`);
	report('wait: worst delay from completed to noticed', `${(worst / 1000).toFixed(2)} s`, '< 1.5 s', worst < 1500);
}
