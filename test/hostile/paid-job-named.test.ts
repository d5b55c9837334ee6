/**
 * Issue 19, point 4: every paid job is named. A create (Create, Remix, Edit, Extend, Character →
 * Create) answered 2xx with a body that is not a video job but carries an ID-like field is an error
 * naming that ID as a job the server may have started; the run's record keeps it, so n8n's Retry
 * On Fail resumes it instead of paying again. A 2xx without any ID says the server may have started
 * a job it did not name. Never "created no job".
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { fileItem, MP4_BYTES } from '../harness/fixtures';
import { apiLike, runAgainst, sendJson, useHosts, video, type Handler } from './servers';

const hosts = useHosts();

const NO_JOB = /created no job/i;
const retryOnFail = { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 };

const operations: Record<string, { parameters: INodeParameters; items?: ReturnType<typeof fileItem>[] }> = {
	Create: { parameters: { resource: 'video', operation: 'create', prompt: 'A lighthouse', waitForCompletion: false } },
	Remix: { parameters: { resource: 'video', operation: 'remix', videoId: 'video_1', prompt: 'At night', waitForCompletion: false } },
	Edit: { parameters: { resource: 'video', operation: 'edit', videoSource: 'id', videoId: 'video_1', prompt: 'At night', waitForCompletion: false } },
	Extend: { parameters: { resource: 'video', operation: 'extend', videoSource: 'id', videoId: 'video_1', prompt: 'Go on', seconds: '4', waitForCompletion: false } },
	'Character → Create': {
		parameters: { resource: 'character', operation: 'create', name: 'Ada', binaryPropertyName: 'data' },
		items: [fileItem(MP4_BYTES, 'clip.mp4', 'video/mp4')],
	},
};

/** POSTs get `answer`; reads are answered like the API (a completed video of the asked ID). */
const answering = (answer: IDataObject): Handler => (request, response) =>
	request.method === 'POST' ? sendJson(response, 200, answer) : apiLike(request, response);

const posts = () => hosts.home.requests.filter((request) => request.method === 'POST');
const shown = (error: { message: string; description?: string | null } | undefined) => `${error?.message}\n${error?.description ?? ''}`;

describe('a 2xx that is not a video job but names an ID: that ID is named as a job the server may have started', () => {
	test.each<[string, IDataObject, string]>([
		['New API\'s early answer (task_id)', { task_id: 'task_x', status: 'queued', progress: 0 }, 'task_x'],
		['an ID beside a polling URL (OpenRouter\'s shape)', { id: 'gen-17', polling_url: 'https://openrouter.example/api/v1/videos/gen-17', status: 'pending' }, 'gen-17'],
		['a video_id', { video_id: 'vid_42', state: 'accepted' }, 'vid_42'],
		['a job_id', { job_id: 'job_7', object: 'video.generation.job' }, 'job_7'],
		['an ID inside data', { data: { task_id: 'task_nested' }, code: 'success' }, 'task_nested'],
	])('Create, %s', async (_name, answer, id) => {
		hosts.home.handle = answering(answer);

		const { error } = await runAgainst(hosts.home, operations.Create.parameters);

		expect(error?.message).toContain(id);
		expect(error?.message).toMatch(/may have started/);
		expect(shown(error)).not.toMatch(NO_JOB);
		expect(posts()).toHaveLength(1);
	});

	test.each(Object.keys(operations).filter((name) => name !== 'Create'))('%s, a task_id', async (name) => {
		hosts.home.handle = answering({ task_id: 'task_x', status: 'queued' });
		const { parameters, items } = operations[name];

		const { error } = await runAgainst(hosts.home, parameters, { items });

		expect(error?.message).toContain('task_x');
		expect(error?.message).toMatch(/may have started/);
		expect(shown(error)).not.toMatch(NO_JOB);
		expect(posts()).toHaveLength(1);
	});

	test('Retry On Fail resumes the named job: no second create, the job polled by its ID', async () => {
		hosts.home.handle = answering({ task_id: 'task_x', status: 'queued' });

		const { error, items } = await runAgainst(
			hosts.home,
			{ resource: 'video', operation: 'create', prompt: 'A lighthouse', downloadResult: false, options: { pollInterval: 1, waitTimeout: 20 } },
			{ settings: retryOnFail },
		);

		expect(error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(hosts.home.requests.some((request) => request.method === 'GET' && request.path === '/v1/videos/task_x')).toBe(true);
		expect(items.map((item) => [item.json.id, item.json.status])).toEqual([['task_x', 'completed']]);
	});

	test('with many items, the node\'s error lists the named job beside the others', async () => {
		hosts.home.handle = (request, response) => {
			if (request.method !== 'POST') return apiLike(request, response);
			const prompt = JSON.parse(request.body.toString()).prompt;
			return sendJson(response, 200, prompt === 'b' ? { task_id: 'task_b', status: 'queued' } : video(`video_${prompt}`, 'queued'));
		};

		const { error } = await runAgainst(
			hosts.home,
			{ resource: 'video', operation: 'create', prompt: '={{ $json.prompt }}', waitForCompletion: false, options: { maxParallelJobs: 1 } },
			{ items: [{ json: { prompt: 'a' } }, { json: { prompt: 'b' } }, { json: { prompt: 'c' } }] },
		);

		expect(shown(error)).toContain('item 0 → video_a');
		expect(shown(error)).toContain('item 1 → task_b');
		expect(shown(error)).not.toMatch(NO_JOB);
	});
});

describe('a 2xx without any ID: the server may have started a job it did not name', () => {
	test.each<[string, IDataObject | string]>([
		['a status only', { status: 'queued' }],
		['an empty object', {}],
		['text', 'OK'],
	])('Create answered %s', async (_name, answer) => {
		hosts.home.handle = (request, response) => {
			if (request.method !== 'POST') return apiLike(request, response);
			if (typeof answer === 'string') return response.writeHead(200, { 'content-type': 'text/plain' }).end(answer);
			return sendJson(response, 200, answer);
		};

		const { error } = await runAgainst(hosts.home, operations.Create.parameters);

		expect(error?.message).toMatch(/may have started a job it did not name/);
		expect(shown(error)).not.toMatch(NO_JOB);
		expect(posts()).toHaveLength(1);
	});

	test('Retry On Fail does not send it again', async () => {
		hosts.home.handle = answering({ status: 'queued' });

		const { error } = await runAgainst(hosts.home, operations.Create.parameters, { settings: retryOnFail });

		expect(error?.message).toMatch(/may have started a job it did not name|not sent again/);
		expect(shown(error)).not.toMatch(NO_JOB);
		expect(posts()).toHaveLength(1);
	});
});
