/**
 * Scripted timelines against the loopback API, each poll through n8n-core's PollContext with one
 * persisting workflow: every finished video is emitted exactly once, and listing stops early.
 */
import { takeSpecViolations } from '../harness/fake-api';
import { finish, pollOnce, startJobs, triggerRunner, useTriggerApi } from './helpers';

const ctx = useTriggerApi();

describe('first poll after activation', () => {
	test('emits nothing that had already finished, and remembers the running jobs', async () => {
		const { api } = ctx;
		api.addVideo();
		api.addVideo({ status: 'failed' });
		const [running] = startJobs(api, 1);
		api.addVideo();
		const runner = triggerRunner(api, { event: 'completedOrFailed' });

		const first = await pollOnce(runner, api);
		expect(first.items).toBeNull();
		expect(runner.nodeStaticData()).toMatchObject({ pending: [running], pendingSince: api.videos.get(running)!.created_at });

		const idle = await pollOnce(runner, api);
		expect(idle.items).toBeNull();
		expect(idle.listRequests).toBe(1);
	});

	test('a job created before activation that finishes after it is emitted once', async () => {
		const { api } = ctx;
		const [early] = startJobs(api, 1);
		for (let i = 0; i < 120; i++) api.addVideo(); // the early job is on the second page
		const runner = triggerRunner(api);
		expect((await pollOnce(runner, api)).items).toBeNull();

		api.setStatus(early, 'in_progress', { progress: 50 });
		expect((await pollOnce(runner, api)).items).toBeNull();
		finish(api, [early]);
		const done = await pollOnce(runner, api);
		expect(done.ids).toEqual([early]);
		expect(done.items![0].json).toEqual(api.videos.get(early));
		expect(done.listRequests).toBe(2);

		const after = await pollOnce(runner, api);
		expect(after.items).toBeNull();
		expect(after.listRequests).toBe(1);
	});
});

test('jobs that finish in another order than they were created are each emitted once', async () => {
	const { api } = ctx;
	api.addVideo();
	const runner = triggerRunner(api);
	await pollOnce(runner, api);
	const [a, b, c] = startJobs(api, 3);
	expect((await pollOnce(runner, api)).items).toBeNull();

	finish(api, [c]);
	expect((await pollOnce(runner, api)).ids).toEqual([c]);
	finish(api, [a]);
	api.setStatus(b, 'in_progress', { progress: 40 });
	expect((await pollOnce(runner, api)).ids).toEqual([a]);
	expect((await pollOnce(runner, api)).ids).toEqual([]);
	finish(api, [b]);
	expect((await pollOnce(runner, api)).ids).toEqual([b]);

	const idle = await pollOnce(runner, api);
	expect(idle.items).toBeNull();
	expect(idle.listRequests).toBe(1);
	expect(runner.nodeStaticData()).toMatchObject({ pending: [], pendingSince: null });
});

test('a job created and finished between two polls is emitted, once', async () => {
	const { api } = ctx;
	const runner = triggerRunner(api);
	await pollOnce(runner, api); // empty account
	const quick = String(api.addVideo().id);
	expect((await pollOnce(runner, api)).ids).toEqual([quick]);
	expect((await pollOnce(runner, api)).ids).toEqual([]);
});

describe('more finished jobs between two polls than fit in one page', () => {
	test('250 running jobs that all finish between two polls', async () => {
		const { api } = ctx;
		for (let i = 0; i < 300; i++) api.addVideo();
		const runner = triggerRunner(api);
		expect((await pollOnce(runner, api)).listRequests).toBe(3); // the first poll reads the whole list

		const jobs = startJobs(api, 250);
		const seen = await pollOnce(runner, api);
		expect(seen.items).toBeNull();
		expect(seen.listRequests).toBe(3);
		expect((runner.nodeStaticData().pending as string[])).toHaveLength(250);

		finish(api, jobs);
		const done = await pollOnce(runner, api);
		expect(done.ids).toHaveLength(250);
		expect(new Set(done.ids)).toEqual(new Set(jobs));
		expect(done.ids).toEqual(jobs); // oldest first
		// 250 finished jobs and the first older video: three pages, not the 550 videos of the account.
		expect(done.listRequests).toBe(3);

		const idle = await pollOnce(runner, api);
		expect(idle.items).toBeNull();
		expect(idle.listRequests).toBe(1);
	});

	test('250 jobs created and finished between two polls, never seen running', async () => {
		const { api } = ctx;
		for (let i = 0; i < 150; i++) api.addVideo();
		const runner = triggerRunner(api);
		await pollOnce(runner, api);
		const jobs = Array.from({ length: 250 }, () => String(api.addVideo().id));
		const done = await pollOnce(runner, api);
		expect(done.ids).toEqual(jobs);
		expect(done.listRequests).toBe(3);
		expect((await pollOnce(runner, api)).items).toBeNull();
	});
});

test('a restart with the persisted static data goes on where it stopped', async () => {
	const { api } = ctx;
	api.addVideo();
	const runner = triggerRunner(api);
	await pollOnce(runner, api);
	const [x, y] = startJobs(api, 2);
	await pollOnce(runner, api);
	const saves = runner.saves;

	finish(api, [x]);
	runner.restart();
	expect((await pollOnce(runner, api)).ids).toEqual([x]);
	expect(runner.saves).toBe(saves + 1);

	runner.restart();
	expect((await pollOnce(runner, api)).items).toBeNull();
	finish(api, [y]);
	runner.restart();
	expect((await pollOnce(runner, api)).ids).toEqual([y]);

	// A second instance started from the saved data alone (a new process) agrees.
	const fresh = triggerRunner(api, {}, runner.saved);
	expect((await pollOnce(fresh, api)).items).toBeNull();
	const z = String(api.addVideo().id);
	expect((await pollOnce(fresh, api)).ids).toEqual([z]);
});

test('an idle poll costs one request and leaves the static data unwritten', async () => {
	const { api } = ctx;
	for (let i = 0; i < 250; i++) api.addVideo();
	const runner = triggerRunner(api);
	await pollOnce(runner, api);
	const saves = runner.saves;
	const saved = JSON.stringify(runner.saved);
	for (let i = 0; i < 3; i++) {
		const idle = await pollOnce(runner, api);
		expect(idle.items).toBeNull();
		expect(idle.requests).toEqual(['GET /videos']);
	}
	expect(runner.saves).toBe(saves);
	expect(JSON.stringify(runner.saved)).toBe(saved);
});

describe('a running job that disappears', () => {
	test('is forgotten, and the poll stops once it passed where the job was', async () => {
		const { api } = ctx;
		for (let i = 0; i < 300; i++) api.addVideo();
		const runner = triggerRunner(api);
		await pollOnce(runner, api);
		const [doomed, kept] = startJobs(api, 2);
		await pollOnce(runner, api);
		expect([...(runner.nodeStaticData().pending as string[])].sort()).toEqual([doomed, kept].sort());

		api.videos.delete(doomed);
		const after = await pollOnce(runner, api);
		expect(after.items).toBeNull();
		expect(after.listRequests).toBe(1);
		expect((runner.nodeStaticData().pending as string[])).toEqual([kept]);

		finish(api, [kept]);
		expect((await pollOnce(runner, api)).ids).toEqual([kept]);
		expect(runner.nodeStaticData()).toMatchObject({ pending: [], pendingSince: null });
		expect((await pollOnce(runner, api)).listRequests).toBe(1);
	});

	test('an oldest running job deleted deep in the list no longer keeps the scan long', async () => {
		const { api } = ctx;
		const runner = triggerRunner(api);
		await pollOnce(runner, api);
		const [old] = startJobs(api, 1);
		for (let i = 0; i < 250; i++) api.addVideo({ status: 'failed' });
		await pollOnce(runner, api);
		expect((await pollOnce(runner, api)).listRequests).toBe(3); // must reach the old job

		api.videos.delete(old);
		expect((await pollOnce(runner, api)).listRequests).toBe(3); // finds it gone
		expect(runner.nodeStaticData()).toMatchObject({ pending: [], pendingSince: null });
		expect((await pollOnce(runner, api)).listRequests).toBe(1);
	});
});

describe.each([
	['completed', ['ok']],
	['failed', ['bad', 'cancelled']],
	['completedOrFailed', ['ok', 'bad', 'cancelled']],
] as const)('event %s', (event, expected) => {
	test('emits exactly the videos that reached that state', async () => {
		const { api } = ctx;
		api.addVideo();
		api.addVideo({ status: 'failed' });
		const runner = triggerRunner(api, { event });
		await pollOnce(runner, api);
		const [ok, bad, cancelled, still] = startJobs(api, 4);
		await pollOnce(runner, api);
		api.setStatus(ok, 'completed');
		api.setStatus(bad, 'failed', { error: { code: 'moderation_blocked', message: 'Blocked.' } });
		api.setStatus(cancelled, 'cancelled');
		api.setStatus(still, 'in_progress', { progress: 10 });
		const names: Record<string, string> = { [ok]: 'ok', [bad]: 'bad', [cancelled]: 'cancelled' };

		const done = await pollOnce(runner, api);
		expect(done.ids.map((id) => names[id]).sort()).toEqual([...expected].sort());
		for (const item of done.items ?? []) expect(item.json).toEqual(api.videos.get(String(item.json.id)));
		expect((await pollOnce(runner, api)).items).toBeNull();
		expect((runner.nodeStaticData().pending as string[])).toEqual([still]);
		// 'cancelled' is a status other servers use; OpenAI's document has none, and the fake's lists say so.
		expect(new Set(takeSpecViolations(api))).toEqual(new Set(['answer ListVideos data.1.status invalid_value']));
	});
});

test('the model option keeps only videos of that model', async () => {
	const { api } = ctx;
	const runner = triggerRunner(api, { event: 'completedOrFailed', options: { model: 'sora-2-pro' } });
	await pollOnce(runner, api);
	const [pro] = startJobs(api, 1, { model: 'sora-2-pro' });
	const [plain] = startJobs(api, 1, { model: 'sora-2' });
	const proNew = String(api.addVideo({ model: 'sora-2-pro', status: 'failed' }).id);
	api.addVideo({ model: 'sora-2' });
	expect((await pollOnce(runner, api)).ids).toEqual([proNew]);
	finish(api, [pro, plain]);
	expect((await pollOnce(runner, api)).ids).toEqual([pro]);
	expect((await pollOnce(runner, api)).items).toBeNull();
});

test('a new video created at the same second as the newest one seen is not missed', async () => {
	const { api } = ctx;
	const second = Math.floor(Date.now() / 1000) + 1_000_000;
	api.addVideo({ created_at: second - 1 });
	const a = String(api.addVideo({ created_at: second }).id);
	const runner = triggerRunner(api);
	await pollOnce(runner, api);
	expect((runner.nodeStaticData().top as { ids: string[] }).ids).toEqual([a]);
	const b = String(api.addVideo({ created_at: second }).id);
	expect((await pollOnce(runner, api)).ids).toEqual([b]);
	expect((await pollOnce(runner, api)).items).toBeNull();
});

test('static data stays small over 1,000 videos created and finished in batches', async () => {
	const { api } = ctx;
	const runner = triggerRunner(api, { event: 'completedOrFailed' });
	await pollOnce(runner, api);
	let emitted = 0;
	for (let batch = 0; batch < 10; batch++) {
		const jobs = startJobs(api, 100);
		emitted += (await pollOnce(runner, api)).ids.length;
		finish(api, jobs.slice(0, 50));
		emitted += (await pollOnce(runner, api)).ids.length;
		finish(api, jobs.slice(50), 'failed');
		emitted += (await pollOnce(runner, api)).ids.length;
	}
	expect(emitted).toBe(1000);
	expect(runner.nodeStaticData()).toMatchObject({ pending: [], pendingSince: null });
	expect(runner.staticDataBytes()).toBeLessThan(1024);
	expect((await pollOnce(runner, api)).listRequests).toBe(1);
});
