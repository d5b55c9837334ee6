/**
 * A relay in front of any server: /content answers 302 to a signed URL on another host, which
 * serves the bytes as application/octet-stream. The key and the OpenAI-Organization/Project
 * headers must never reach that host; the file still gets its type and name from the variant.
 */
import { API_KEY } from '../harness/fake-api';
import {
	addVideos,
	bytesOf,
	calls,
	create,
	download,
	get,
	getAll,
	messageOf,
	remove,
	useProfile,
	videoId,
} from './helpers';

const fake = useProfile('relay');
const ids = { organizationId: 'org-1', projectId: 'proj-1' };
const SECRET_HEADERS = ['authorization', 'api-key', 'openai-organization', 'openai-project'];

function expectNoSecrets(headers: Record<string, string>) {
	for (const name of SECRET_HEADERS) expect(headers).not.toHaveProperty(name);
	expect(JSON.stringify(headers)).not.toContain(API_KEY);
}

test('the signed URL is on another origin than the API', () => {
	expect(new URL(fake.api.relayBaseUrl!).origin).not.toBe(new URL(fake.api.baseUrl).origin);
});

test('Create waits, follows the redirect and stores the file as video/mp4 <id>.mp4, without sending the key along', async () => {
	fake.api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 20 };
	const { items, error } = await fake.run({ parameters: create(), credential: ids });

	expect(messageOf(error)).toBe('(no error)');
	const id = videoId(fake.api);
	expect(calls(fake.api)).toEqual(['POST /videos', `GET /videos/${id}`, `GET /videos/${id}`, `GET /videos/${id}/content`]);
	expect(fake.api.requests.every((request) => request.headers['openai-organization'] === 'org-1')).toBe(true);
	expect(fake.api.relayRequests).toHaveLength(1);
	expect(fake.api.relayRequests[0].url).toMatch(new RegExp(`^/signed/${id}/video\\?se=\\d+&sig=[0-9a-f]+$`));
	expectNoSecrets(fake.api.relayRequests[0].headers);
	const binary = items[0].binary!.data;
	expect(binary).toMatchObject({ mimeType: 'video/mp4', fileName: `${id}.mp4` });
	expect((await bytesOf(binary)).toString()).toBe(`fake-mp4:${id}`);
});

describe('Download', () => {
	test.each([
		['video', 'video/mp4', 'mp4', 'fake-mp4:'],
		['thumbnail', 'image/webp', 'webp', 'fake-webp:'],
		['spritesheet', 'image/jpeg', 'jpg', 'fake-jpg:'],
	])('%s: octet-stream from the signed URL becomes %s', async (variant, mimeType, extension, prefix) => {
		const id = String(fake.api.addVideo().id);
		const { items, error } = await fake.run({ parameters: download(id, variant), credential: ids });

		expect(messageOf(error)).toBe('(no error)');
		expect(items[0].binary!.data).toMatchObject({ mimeType, fileName: `${id}.${extension}` });
		expect((await bytesOf(items[0].binary!.data)).toString()).toBe(`${prefix}${id}`);
		expect(fake.api.relayRequests.map((request) => request.url.split('?')[0])).toEqual([`/signed/${id}/${variant}`]);
		expectNoSecrets(fake.api.relayRequests[0].headers);
	});

	test('with the api-key header the signed URL gets no api-key either', async () => {
		const id = String(fake.api.addVideo().id);
		const { error } = await fake.run({ parameters: download(id), credential: { ...ids, authHeader: 'apiKey' } });

		expect(messageOf(error)).toBe('(no error)');
		expect(fake.api.requests[0].headers['api-key']).toBe(API_KEY);
		expect(fake.api.relayRequests).toHaveLength(1);
		expectNoSecrets(fake.api.relayRequests[0].headers);
	});
});

test('Get, Get Many and Delete work as with OpenAI', async () => {
	const [first, second] = addVideos(fake.api, 2).map((video) => String(video.id));
	const stored = { ...fake.api.videos.get(first) };
	const got = await fake.run({ parameters: get(first) });
	const listed = await fake.run({ parameters: getAll() });
	const deleted = await fake.run({ parameters: remove(first) });

	expect([got, listed, deleted].map((run) => messageOf(run.error))).toEqual(Array(3).fill('(no error)'));
	expect(got.items[0].json).toEqual(stored);
	expect(listed.items.map((item) => item.json.id)).toEqual([second, first]);
	expect(deleted.items[0].json).toEqual({ id: first, object: 'video.deleted', deleted: true });
});

test('the trigger emits the finished video without touching the signed URL', async () => {
	fake.api.addVideo();
	const runner = fake.trigger({}, ids);
	expect(await runner.poll()).toBeNull();
	const job = String(fake.api.addVideo({ status: 'in_progress', progress: 50 }).id);
	expect(await runner.poll()).toBeNull();
	fake.api.setStatus(job, 'completed');

	const emitted = await runner.poll();
	expect(emitted?.map((item) => item.json.id)).toEqual([job]);
	expect(fake.api.relayRequests).toHaveLength(0);
});
