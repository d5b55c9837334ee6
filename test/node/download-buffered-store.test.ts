/**
 * n8n's in-memory and database binary modes read a download with 'data' listeners only (no pipe):
 * the node must not leave the body paused or start its flow early (a file stuck at 0 bytes, or
 * with its first chunks lost). This file runs n8n-core in the in-memory mode.
 */
import { useFakeApi } from '../harness/fixtures';

const fake = useFakeApi();

test('Download in the in-memory binary mode gets the whole file', async () => {
	const video = fake.api.addVideo();
	const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
	fake.api.setContent(String(video.id), 'video', { body: bytes, contentType: 'video/mp4' });
	const { items, error } = await fake.run({
		parameters: { resource: 'video', operation: 'download', videoId: String(video.id), options: { requestTimeout: 5 } },
		binaryMode: 'default',
	});

	expect(error).toBeUndefined();
	expect(items[0].json.bytes).toBe(bytes.length);
	expect(Buffer.from(String(items[0].binary?.data.data), 'base64').equals(bytes)).toBe(true);
});
