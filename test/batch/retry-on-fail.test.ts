/** n8n's Retry On Fail re-runs the node: an item never pays twice (issue 9). */
import { useFakeApi } from '../harness/fixtures';
import { createParameters, createsByPrompt, idOfPrompt, prompts } from './helpers';

const fake = useFakeApi();
const retryOnFail = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
const statusPath = /^\/videos\/video_\d+$/;
const contentPath = /^\/videos\/video_\d+\/content$/;

beforeEach(() => {
	fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50 };
});

test('a poll that fails: three tries, one create per item, the re-run resumes the job and finishes it', async () => {
	fake.api.script({ method: 'GET', path: statusPath }, { status: 500, json: { error: { message: 'poll broke' } } });
	const { error, items } = await fake.run({ parameters: createParameters(), items: prompts('a'), settings: retryOnFail });

	expect(error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1 });
	expect(items[0].json).toMatchObject({ id: idOfPrompt(fake.api, 'a'), status: 'completed' });
	expect(items[0].binary?.data).toBeDefined();
});

test('a poll that keeps failing: every try fails, still one create per item, and the error names the job', async () => {
	// Both ways of checking fail: the shared list page and each job's own GET.
	for (let n = 0; n < 20; n++) fake.api.script({ method: 'GET', path: /^\/videos(\/video_\d+)?$/ }, { status: 500, json: { error: { message: 'poll broke' } } });
	const { error } = await fake.run({ parameters: createParameters(), items: prompts('a', 'b', 'c'), settings: retryOnFail });

	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1, c: 1 });
	expect(error?.message).toMatch(/^Waiting for video video_\d+ failed: GET \/videos\/\{video_id\} failed \(500\): poll broke \(item \d\)$/);
});

test('a download that fails: one create, the re-run downloads the finished job', async () => {
	fake.api.script({ method: 'GET', path: contentPath }, { status: 503, json: { error: { message: 'storage down' } } });
	const { error, items } = await fake.run({ parameters: createParameters(), items: prompts('a', 'b'), settings: retryOnFail });

	expect(error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1 });
	expect(items.every((item) => item.binary?.data)).toBe(true);
});

test('a create answered 500: not sent again by any try, and the error says why', async () => {
	fake.api.script({ method: 'POST', path: '/videos' }, { status: 500, json: { error: { message: 'upstream failed' } } });
	const { error } = await fake.run({ parameters: createParameters(), items: prompts('a'), settings: retryOnFail });

	expect(createsByPrompt(fake.api)).toEqual({ a: 1 });
	expect(error?.message).toMatch(/the job may exist and is not sent again/);
	expect(error?.description).toMatch(/not even by Retry On Fail/);
});

test('a failed job with Continue (regular output) and Retry On Fail: n8n re-runs the node, nobody pays twice', async () => {
	fake.api.jobPlansByPrompt = { a: { outcome: 'failed', error: { code: 'moderation_blocked', message: 'Blocked' } } };
	const { error, items } = await fake.run({
		parameters: createParameters(),
		items: prompts('a', 'b'),
		settings: { ...retryOnFail, onError: 'continueRegularOutput' },
	});

	expect(error).toBeUndefined();
	expect(createsByPrompt(fake.api)).toEqual({ a: 1, b: 1 });
	expect(items.map((item) => item.json.status)).toEqual(['failed', 'completed']);
});

test('Character → Create follows the same rules: a 500 is not sent again by Retry On Fail, a 429 is retried', async () => {
	const { fileItem, MP4_BYTES } = await import('../harness/fixtures');
	const character = { resource: 'character', operation: 'create', name: '={{ $json.name }}', binaryPropertyName: 'data', options: { maxRetries: 1 } };
	const items = ['Mia', 'Noa'].map((name) => ({ ...fileItem(MP4_BYTES, `${name}.mp4`, 'video/mp4'), json: { name } }));
	fake.api.script({ method: 'POST', path: '/videos/characters' }, { status: 500, json: { error: { message: 'upstream failed' } } });
	fake.api.script({ method: 'POST', path: '/videos/characters' }, { status: 429, headers: { 'retry-after-ms': '20' }, json: { error: { message: 'slow down' } } });
	const { error } = await fake.run({ parameters: character, items, settings: retryOnFail });

	const posts = fake.api.requests.filter((request) => request.method === 'POST');
	// Three tries of the node: the item that got the 500 is sent once, never again; the one that got
	// the 429 is sent again at once and created; nothing more is sent by the later tries.
	expect(posts).toHaveLength(3);
	expect(fake.api.characters.size).toBe(1);
	expect(error?.message).toMatch(/POST \/videos\/characters for item \d ended without a clear answer; the job may exist and is not sent again/);
});
