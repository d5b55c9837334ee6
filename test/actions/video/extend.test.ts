import { useFakeApi } from '../../harness/fixtures';
import { describeSourceVideo } from './source';

const fake = useFakeApi();

describe('Video → Extend', () => {
	describeSourceVideo(fake, 'extend', '/videos/extensions', { seconds: '8' });

	test('the length of the new segment is 4 seconds when left as it is, any length a server takes by expression', async () => {
		const source = fake.api.addVideo();
		const extend = { resource: 'video', operation: 'extend', waitForCompletion: false, prompt: 'On', videoId: String(source.id) };
		await fake.run({ parameters: extend });
		await fake.run({ parameters: { ...extend, seconds: '={{ 6 * 2 }}' } });

		expect(fake.api.requests.map((request) => [request.path, request.json])).toEqual([
			['/videos/extensions', { prompt: 'On', seconds: '4', video: { id: source.id } }],
			['/videos/extensions', { prompt: 'On', seconds: '12', video: { id: source.id } }],
		]);
	});

	test('an empty length fails before any request', async () => {
		const source = fake.api.addVideo();
		const { error } = await fake.run({
			parameters: { resource: 'video', operation: 'extend', waitForCompletion: false, prompt: 'On', videoId: String(source.id), seconds: '={{ "" }}' },
		});

		expect(error?.message).toBe('The length in seconds is empty');
		expect(fake.api.requests).toHaveLength(0);
	});
});
