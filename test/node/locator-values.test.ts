/**
 * Video and Model are Resource Locators now. Workflows saved before keep a plain string there;
 * both shapes must reach the server as the same ID, in every operation that takes one. (The Model
 * shapes are Create's own: test/actions/video/create.test.ts.)
 */
import type { INodeParameters, NodeParameterValue } from 'n8n-workflow';

import { useFakeApi } from '../harness/fixtures';

const fake = useFakeApi();

const ID = 'video_a/b=c';
const ENCODED = 'video_a%2Fb%3Dc';

/** The value shapes of a Video parameter: what old workflows saved, and what the editor saves now. */
const SHAPES: Array<[string, (id: string) => NodeParameterValue | INodeParameters]> = [
	['a plain string (saved before the Resource Locator)', (id) => id],
	['From List', (id) => ({ __rl: true, mode: 'list', value: id, cachedResultName: 'A fake video (completed)' })],
	['By ID', (id) => ({ __rl: true, mode: 'id', value: id })],
	['By ID with an expression', () => ({ __rl: true, mode: 'id', value: '={{ $json.source }}' })],
];

const OPERATIONS: Array<{ operation: string; parameters: INodeParameters; request: string; body?: (id: string) => unknown }> = [
	{ operation: 'get', parameters: {}, request: `GET /videos/${ENCODED}` },
	{ operation: 'delete', parameters: {}, request: `DELETE /videos/${ENCODED}` },
	{ operation: 'download', parameters: {}, request: `GET /videos/${ENCODED}/content` },
	{ operation: 'remix', parameters: { prompt: 'At night', waitForCompletion: false }, request: `POST /videos/${ENCODED}/remix` },
	{ operation: 'edit', parameters: { prompt: 'Snow', videoSource: 'id', waitForCompletion: false }, request: 'POST /videos/edits', body: (id) => ({ prompt: 'Snow', video: { id } }) },
	{ operation: 'extend', parameters: { prompt: 'On', seconds: '8', videoSource: 'id', waitForCompletion: false }, request: 'POST /videos/extensions', body: (id) => ({ prompt: 'On', seconds: '8', video: { id } }) },
];

describe.each(OPERATIONS)('Video → $operation takes the video', ({ operation, parameters, request, body }) => {
	test.each(SHAPES)('as %s', async (_shape, valueOf) => {
		fake.api.addVideo({ id: ID });
		const { error, items } = await fake.run({
			parameters: { resource: 'video', operation, ...parameters, videoId: valueOf(ID) as INodeParameters },
			items: [{ json: { source: ID } }],
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [sent] = fake.api.requests;
		expect(`${sent.method} ${sent.rawPath}`).toBe(request);
		if (body) expect(sent.json).toEqual(body(ID));
	});
});

describe('an empty Video fails before any request, in both shapes', () => {
	test.each([
		['get', { __rl: true, mode: 'id', value: '={{ "" }}' }],
		['download', { __rl: true, mode: 'list', value: '={{ $json.missing }}' }],
		['remix', '={{ $json.missing }}'],
	] as const)('%s with %j: the node says which parameter', async (operation, videoId) => {
		const { error } = await fake.run({ parameters: { resource: 'video', operation, prompt: 'x', videoId: videoId as INodeParameters } });

		expect(error?.message).toBe('The video ID is empty');
		expect(fake.api.requests).toEqual([]);
	});

	test.each(['', { __rl: true, mode: 'list', value: '' }])('%j: n8n itself refuses the required parameter', async (videoId) => {
		const { error } = await fake.run({ parameters: { resource: 'video', operation: 'delete', videoId: videoId as INodeParameters } });

		expect(error?.message).toContain('Parameter "Video" is required.');
		expect(fake.api.requests).toEqual([]);
	});

	test('By ID with a space in the ID: n8n shows the hint and does not run', async () => {
		const { error } = await fake.run({ parameters: { resource: 'video', operation: 'delete', videoId: { __rl: true, mode: 'id', value: 'video 1' } } });

		expect(error?.message).toContain('A video ID has no spaces, e.g. video_123');
		expect(fake.api.requests).toEqual([]);
	});
});
