/**
 * "Fetch Test Event", and servers that cannot list videos.
 */
import { NodeApiError } from 'n8n-workflow';

import { finish, pollOnce, startJobs, triggerRunner, useTriggerApi } from './helpers';

const ctx = useTriggerApi();

describe('manual mode (Fetch Test Event)', () => {
	test('returns the most recent matching video, however old, and leaves the state alone', async () => {
		const { api } = ctx;
		const old = String(api.addVideo({ created_at: 1_000 }).id);
		const runner = triggerRunner(api);
		await pollOnce(runner, api);
		const [running] = startJobs(api, 1);
		api.addVideo({ status: 'failed' });
		await pollOnce(runner, api);
		const saved = JSON.stringify(runner.saved);
		const saves = runner.saves;

		const manual = await pollOnce(runner, api, 'manual');
		expect(manual.ids).toEqual([old]);
		expect(manual.items![0].json).toEqual(api.videos.get(old));
		expect(runner.saves).toBe(saves);
		expect(JSON.stringify(runner.saved)).toBe(saved);
		expect(JSON.stringify(runner.workflow.staticData)).toBe(saved);

		// The active trigger still emits the job it was waiting for, once.
		finish(api, [running]);
		expect((await pollOnce(runner, api)).ids).toEqual([running]);
		expect((await pollOnce(runner, api, 'manual')).ids).toEqual([running]);
		expect((await pollOnce(runner, api)).items).toBeNull();
	});

	test('honours the event and the model, and pages until it finds one', async () => {
		const { api } = ctx;
		const failed = String(api.addVideo({ status: 'failed' }).id);
		const pro = String(api.addVideo({ model: 'sora-2-pro' }).id);
		for (let i = 0; i < 150; i++) api.addVideo();
		startJobs(api, 1);

		expect((await pollOnce(triggerRunner(api, { event: 'failed' }), api, 'manual')).ids).toEqual([failed]);
		const byModel = await pollOnce(triggerRunner(api, { options: { model: 'sora-2-pro' } }), api, 'manual');
		expect(byModel.ids).toEqual([pro]);
		expect(byModel.listRequests).toBe(2);
		const any = await pollOnce(triggerRunner(api, { event: 'completedOrFailed' }), api, 'manual');
		expect(any.listRequests).toBe(1);
		expect(any.ids).toEqual([String([...api.videos.keys()][152 - 1])]);
	});

	test('returns nothing when no video matches, and a manual poll does not stand in for activation', async () => {
		const { api } = ctx;
		api.addVideo();
		const runner = triggerRunner(api, { event: 'failed' });
		expect((await pollOnce(runner, api, 'manual')).items).toBeNull();
		expect(runner.saved).toEqual({});
		expect(runner.saves).toBe(0);

		api.addVideo({ status: 'failed' });
		// The first trigger poll is still the activation baseline: nothing old is emitted.
		expect((await pollOnce(runner, api)).items).toBeNull();
	});
});

describe('a server that cannot list videos', () => {
	test.each([404, 405])('answers %i: the error says the trigger cannot be used with it', async (status) => {
		const { api } = ctx;
		const runner = triggerRunner(api);
		for (const mode of ['trigger', 'manual'] as const) {
			api.script({ method: 'GET', path: '/videos' }, { status, json: { error: { message: 'Not Found' } } });
			const error = await runner.poll(mode).then(
				() => undefined,
				(e: unknown) => e,
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as Error).message).toMatch(
				/^The server does not offer listing videos \(GET \/videos\), so the OpenAI Videos Trigger cannot be used with it/,
			);
		}
		expect(runner.saved).toEqual({});
	});

	test('other errors of GET /videos keep their own message', async () => {
		const { api } = ctx;
		const runner = triggerRunner(api);
		api.script(
			{ method: 'GET', path: '/videos' },
			{ status: 400, json: { error: { message: "Invalid 'order'", code: 'invalid_value' } } },
		);
		await expect(runner.poll()).rejects.toThrow(/GET \/videos failed \(400, invalid_value\): Invalid 'order'/);
	});

	test('a list answer without a data array is an error, not an empty account', async () => {
		const { api } = ctx;
		const runner = triggerRunner(api);
		api.script({ method: 'GET', path: '/videos' }, { status: 200, json: { videos: [] } });
		await expect(runner.poll()).rejects.toThrow(/answered without a list of videos/);
		expect(runner.saved).toEqual({});
	});
});
