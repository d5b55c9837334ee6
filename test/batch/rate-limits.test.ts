/** Rate limits shared across items, quota errors, Max Parallel Jobs, broken downloads (issue 9). */
import { useFakeApi } from '../harness/fixtures';
import { createParameters, createsByPrompt, jobsByPrompt, prompts } from './helpers';

const fake = useFakeApi();
const manyPrompts = (count: number) => prompts(...Array.from({ length: count }, (_, n) => `scene ${n}`));

test('50 items against a server that takes 10 creates a second: 50 jobs, 50 items, no item fails', async () => {
	fake.api.createsPerSecond = 10;
	const { error, items } = await fake.run({
		parameters: createParameters({ waitForCompletion: false, options: { maxRetries: 3, maxParallelJobs: 50 } }),
		items: manyPrompts(50),
	});

	expect(error).toBeUndefined();
	expect(items).toHaveLength(50);
	expect(fake.api.videos.size).toBe(50);
	expect(Object.values(jobsByPrompt(fake.api)).every((count) => count === 1)).toBe(true);
}, 30_000);

test('a 429 for lack of quota is not retried and says what to do', async () => {
	fake.api.script({ method: 'POST', path: '/videos' }, { status: 429, json: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } } });
	const { error } = await fake.run({ parameters: createParameters({ options: { maxRetries: 3 } }), items: prompts('a') });

	expect(fake.api.requests).toHaveLength(1);
	expect(error?.message).toBe('The server refused for lack of quota or billing (insufficient_quota): You exceeded your current quota');
	expect(error?.description).toMatch(/does not fix itself/);
});

test('Max Parallel Jobs caps how many items are in flight', async () => {
	fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 50 };
	const { error } = await fake.run({ parameters: createParameters({ options: { maxParallelJobs: 2 } }), items: manyPrompts(6) });

	expect(error).toBeUndefined();
	// A job is in flight from its create until its file is fetched.
	const events = fake.api.requests.flatMap((request) => {
		if (request.method === 'POST') return [{ at: request.receivedAt, delta: 1 }];
		if (request.path.endsWith('/content')) return [{ at: request.receivedAt, delta: -1 }];
		return [];
	});
	let inFlight = 0;
	let peak = 0;
	for (const { delta } of events.sort((a, b) => a.at - b.at)) peak = Math.max(peak, (inFlight += delta));
	expect(peak).toBe(2);
	expect(fake.api.videos.size).toBe(6);
});

test('a download that breaks off is fetched again, never by creating the job again', async () => {
	fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
	fake.api.script({ method: 'GET', path: /\/content$/ }, { truncate: true, body: Buffer.alloc(4000, 1), headers: { 'content-type': 'video/mp4' } });
	const { error, items } = await fake.run({ parameters: createParameters({ options: { maxRetries: 2 } }), items: prompts('a') });

	expect(error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1 });
	expect(fake.api.requests.filter((request) => request.path.endsWith('/content'))).toHaveLength(2);
	expect(items[0].binary?.data).toBeDefined();
});

test('a download that keeps breaking off names the job and says the video is still on the server', async () => {
	fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
	for (let n = 0; n < 3; n++) fake.api.script({ method: 'GET', path: /\/content$/ }, { truncate: true, body: Buffer.alloc(4000, 1), headers: { 'content-type': 'video/mp4' } });
	const { error } = await fake.run({ parameters: createParameters({ options: { maxRetries: 2 } }), items: prompts('a') });

	const id = [...fake.api.videos.keys()][0];
	expect(error?.message).toMatch(new RegExp(`^The download of video ${id} .* \\(3 tries\\)$`));
	expect(error?.description).toContain(`The video is still on the server: download it later with the Download operation (ID ${id}).`);
	expect(createsByPrompt(fake.api)).toEqual({ a: 1 });
});
