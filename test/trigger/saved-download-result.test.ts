/**
 * The trigger never downloads: a file stored inside poll() belongs to no execution and n8n's
 * pruning never removes it. Saved workflows that still have Download Result on keep running:
 * they get the video objects (a Download node after the trigger fetches the files), and the
 * editor shows the option, with a notice, until it is switched off.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { OpenAiVideosTrigger } from '../../nodes/OpenAiVideosTrigger/OpenAiVideosTrigger.node';
import { finish, pollOnce, startJobs, triggerRunner, useTriggerApi } from './helpers';

const ctx = useTriggerApi();
const SAVED_WITH_DOWNLOAD = { event: 'completedOrFailed', downloadResult: true, variant: 'thumbnail', binaryPropertyName: 'thumb' };

describe('a saved workflow with Download Result on', () => {
	test('emits each finished video once, as the API returned it, and downloads nothing', async () => {
		const { api } = ctx;
		const runner = triggerRunner(api, SAVED_WITH_DOWNLOAD);
		await pollOnce(runner, api);
		const [ok, bad] = startJobs(api, 2);
		await pollOnce(runner, api);
		finish(api, [ok]);
		finish(api, [bad], 'failed');

		const done = await pollOnce(runner, api);
		expect(done.ids).toEqual([ok, bad]);
		expect(done.items!.map((item) => item.json)).toEqual([api.videos.get(ok), api.videos.get(bad)]);
		expect(done.items!.every((item) => item.binary === undefined)).toBe(true);
		expect((await pollOnce(runner, api)).items).toBeNull();
		expect(api.requests.filter((request) => request.path.endsWith('/content'))).toEqual([]);
	});

	test('Fetch Test Event downloads nothing either', async () => {
		const { api } = ctx;
		const video = String(api.addVideo().id);
		const manual = await pollOnce(triggerRunner(api, SAVED_WITH_DOWNLOAD), api, 'manual');
		expect(manual.ids).toEqual([video]);
		expect(manual.items![0].binary).toBeUndefined();
		expect(manual.requests).toEqual(['GET /videos']);
	});
});

describe('the editor', () => {
	const { description } = new OpenAiVideosTrigger();
	const node = { typeVersion: 1 };
	const shown = (values: INodeParameters) =>
		description.properties.filter((property) => NodeHelpers.displayParameter(values, property, node, description)).map((property) => property.name);

	test('a new trigger has no Download Result option', () => {
		expect(shown({ event: 'completed' })).not.toContain('downloadResult');
		const saved = NodeHelpers.getNodeParameters(description.properties, {}, true, false, node, description);
		expect(saved).not.toHaveProperty('downloadResult');
	});

	test('a saved one with it on shows the option and the notice; switched off, both are gone', () => {
		expect(shown({ downloadResult: true })).toEqual(expect.arrayContaining(['downloadResult', 'downloadMovedNotice']));
		const kept = NodeHelpers.getNodeParameters(description.properties, { downloadResult: true }, false, false, node, description);
		expect(kept).toMatchObject({ downloadResult: true });
		expect(shown({ downloadResult: false })).not.toContain('downloadResult');
		expect(shown({ downloadResult: false })).not.toContain('downloadMovedNotice');
	});
});
