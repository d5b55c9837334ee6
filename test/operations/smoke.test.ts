import { credentialsFor, startFakeApi, type FakeApi } from '../harness/fake-api';
import { runNode } from '../harness/run-node';

let api: FakeApi;
beforeAll(async () => (api = await startFakeApi()));
afterAll(async () => await api.close());

test('smoke: get a video', async () => {
	const video = api.addVideo({ status: 'completed' });
	const result = await runNode({
		credentials: credentialsFor(api),
		parameters: { resource: 'video', operation: 'get', videoId: String(video.id) },
	});
	console.log(JSON.stringify(result.items), result.error?.message, api.requests.map((r) => [r.method, r.url, r.headers]));
	expect(result.items[0].json.id).toBe(video.id);
});
