/**
 * OpenRouter's video API is not this API: POST /api/v1/videos answers
 * {"id":"gen-1","polling_url":…,"status":"pending"}. The node must say so instead of waiting on
 * it or passing it on as a video job.
 */
import { calls, contentRequests, create, FOREIGN_API, get, messageOf, REJECTED_KEY, useProfile } from './helpers';

const fake = useProfile('openrouter');

test('the fake answers a create with a polling_url job', async () => {
	const response = await fetch(`${fake.api.baseUrl}/videos`, {
		method: 'POST',
		headers: { authorization: 'Bearer sk-test-key-0123456789', 'content-type': 'application/json' },
		body: JSON.stringify({ prompt: 'p', model: 'google/veo-3.1' }),
	});

	expect(await response.json()).toEqual({ id: 'gen-1', polling_url: `${fake.api.baseUrl}/videos/gen-1`, status: 'pending' });
});

describe('Create', () => {
	test('with Wait says the server does not speak the OpenAI Videos API, and downloads nothing', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 20 };
		const { items, error } = await fake.run({ parameters: create() });

		expect(items).toEqual([]);
		expect(messageOf(error)).toMatch(FOREIGN_API);
		expect(contentRequests(fake.api)).toEqual([]);
		expect(calls(fake.api)[0]).toBe('POST /videos');
	});

	test('without Wait says so too, instead of passing the foreign job on', async () => {
		const { items, error } = await fake.run({ parameters: create({ waitForCompletion: false }) });

		expect(items).toEqual([]);
		expect(messageOf(error)).toMatch(FOREIGN_API);
	});
});

test('Get of an OpenRouter generation says the server does not speak the OpenAI Videos API', async () => {
	fake.api.addVideo({ status: 'in_progress' });
	const { error } = await fake.run({ parameters: get('gen-1') });

	expect(messageOf(error)).toMatch(FOREIGN_API);
});

test('a wrong key is the credential error', async () => {
	const { error } = await fake.run({ parameters: create({ waitForCompletion: false }), credential: { apiKey: 'wrong' } });

	expect(messageOf(error)).toMatch(REJECTED_KEY);
});
