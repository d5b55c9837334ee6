/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * The trigger over a timeline of 10,000 videos, created and finished in batches, each poll through
 * n8n-core's PollContext with one persisting workflow: requests per poll and static data size.
 */
import { credentialsFor, startFakeApi, type FakeApi } from '../test/harness/fake-api';
import { PollRunner } from '../test/harness/run-poll';
import { report } from './measure';

const TOTAL_VIDEOS = 10_000;
const BATCH = 250;
const STATIC_DATA_TARGET = 16 * 1024;

interface PollStats {
	emitted: string[];
	listRequests: number;
}

async function poll(runner: PollRunner, api: FakeApi): Promise<PollStats> {
	const start = api.requests.length;
	const items = await runner.poll();
	const listRequests = api.requests.slice(start).filter((r) => r.method === 'GET' && r.path === '/videos').length;
	return { emitted: (items ?? []).map((item) => String(item.json.id)), listRequests };
}

/** A deterministic shuffle, so jobs finish in another order than they were created. */
function shuffled<T>(values: T[], seed: number): T[] {
	const out = [...values];
	let state = seed;
	for (let i = out.length - 1; i > 0; i--) {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		const j = state % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

export async function benchTrigger(): Promise<void> {
	const api = await startFakeApi();
	const started = performance.now();
	try {
		// The account already holds finished videos when the trigger is activated.
		for (let i = 0; i < 500; i++) api.addVideo();
		const runner = new PollRunner({
			parameters: { event: 'completedOrFailed', downloadResult: false, options: {} },
			credentials: credentialsFor(api),
		});
		const activation = await poll(runner, api);

		const emitted = new Map<string, number>();
		const busyRequests: number[] = [];
		const idleRequests: number[] = [];
		let largestStaticData = 0;
		let finishedCount = 0;
		const record = (stats: PollStats, busy: boolean) => {
			for (const id of stats.emitted) emitted.set(id, (emitted.get(id) ?? 0) + 1);
			(busy ? busyRequests : idleRequests).push(stats.listRequests);
			largestStaticData = Math.max(largestStaticData, runner.staticDataBytes());
		};

		for (let batch = 0; batch < TOTAL_VIDEOS / BATCH; batch++) {
			const jobs = Array.from({ length: BATCH }, () => String(api.addVideo({ status: 'queued', progress: 0 }).id));
			record(await poll(runner, api), true);
			const order = shuffled(jobs, batch + 1);
			// A third finishes, then the rest (one in ten fails), one restart along the way.
			for (const id of order.slice(0, BATCH / 3)) api.setStatus(id, 'completed');
			record(await poll(runner, api), true);
			if (batch % 10 === 5) runner.restart();
			order.slice(BATCH / 3).forEach((id, i) => api.setStatus(id, i % 10 === 0 ? 'failed' : 'completed'));
			finishedCount += BATCH;
			record(await poll(runner, api), true);
			record(await poll(runner, api), false);
		}

		const once = [...emitted.values()].every((count) => count === 1);
		const idleMax = Math.max(...idleRequests);
		const busyMax = Math.max(...busyRequests);
		const busyAverage = busyRequests.reduce((sum, n) => sum + n, 0) / busyRequests.length;
		const bytes = runner.staticDataBytes();
		const seconds = (performance.now() - started) / 1000;

		console.log(
			`trigger: ${TOTAL_VIDEOS} videos in batches of ${BATCH} over ${idleRequests.length + busyRequests.length + 1} polls, ${seconds.toFixed(1)} s`,
		);
		console.log(`trigger: activation poll over ${api.videos.size - TOTAL_VIDEOS} existing videos: ${activation.listRequests} requests`);
		report(
			'trigger: videos emitted exactly once',
			`${emitted.size} of ${finishedCount}${once ? '' : ' (some more than once)'}`,
			`${finishedCount}`,
			once && emitted.size === finishedCount,
		);
		report('trigger: requests per idle poll', `${idleMax}`, '1', idleMax === 1);
		console.log(
			`trigger: requests per poll with ${BATCH} jobs in flight: average ${busyAverage.toFixed(2)}, max ${busyMax}`,
		);
		report(
			`trigger: static data after ${TOTAL_VIDEOS} videos`,
			`${bytes} bytes`,
			`< ${STATIC_DATA_TARGET}`,
			bytes < STATIC_DATA_TARGET,
		);
		console.log(`trigger: largest static data during the run (${BATCH} jobs running): ${largestStaticData} bytes`);
	} finally {
		await api.close();
	}
}
