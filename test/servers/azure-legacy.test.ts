/**
 * Azure's older video API is not this API: its jobs are {"object":"video.generation.job",
 * "id":"task_1","status":"preprocessing",…} and GET /videos/{id} is 404. The node must say so.
 */
import { contentRequests, create, FOREIGN_API, get, messageOf, REJECTED_KEY, useProfile } from './helpers';

const fake = useProfile('azure-legacy');
const apiKeyHeader = { authHeader: 'apiKey' };

describe('Create', () => {
	test('with Wait says the server does not speak the OpenAI Videos API, without polling a route that is not there', async () => {
		const { items, error } = await fake.run({ parameters: create(), credential: apiKeyHeader });

		expect(items).toEqual([]);
		expect(messageOf(error)).toMatch(FOREIGN_API);
		expect(contentRequests(fake.api)).toEqual([]);
		expect(fake.api.requests[0].json).toMatchObject({ prompt: 'A lighthouse at dawn' });
	});

	test('without Wait says so too, instead of passing the job on', async () => {
		const { items, error } = await fake.run({ parameters: create({ waitForCompletion: false }), credential: apiKeyHeader });

		expect(items).toEqual([]);
		expect(messageOf(error)).toMatch(FOREIGN_API);
		expect(fake.api.requests).toHaveLength(1);
	});
});

test('Get of a task is the server 404 with its message', async () => {
	fake.api.addVideo({ status: 'queued' });
	const { error } = await fake.run({ parameters: get('task_1'), credential: apiKeyHeader });

	expect(messageOf(error)).toMatch(/GET \/videos\/\{video_id\} failed \(404.*Resource not found/);
});

test('a wrong key is the credential error', async () => {
	const { error } = await fake.run({ parameters: get('task_1'), credential: { ...apiKeyHeader, apiKey: 'wrong' } });

	expect(messageOf(error)).toMatch(REJECTED_KEY);
});
