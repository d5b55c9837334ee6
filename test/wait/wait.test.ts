/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
import type { INodeParameters } from 'n8n-workflow';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { useFakeApi } from '../harness/fixtures';

const fake = useFakeApi();
const create = (extra: INodeParameters & { options?: INodeParameters } = {}) => ({
	resource: 'video',
	operation: 'create',
	prompt: 'A lighthouse at dawn',
	...extra,
	options: { pollInterval: 1, ...extra.options },
});
const polls = () => fake.api.requests.filter((request) => request.method === 'GET' && /^\/videos\/[^/]+$/.test(request.path));

describe('waiting for a job', () => {
	test('polls as the server hints, then attaches the finished MP4 as binary; the JSON is the final video', async () => {
		fake.api.jobPlan = { pollsUntilDone: 4, pollAfterMs: 150 };
		const { items, error } = await fake.run({ parameters: create({ binaryPropertyName: 'video', options: { pollInterval: 5 } }) });

		expect(error).toBeUndefined();
		const gaps = polls().map((poll, index, all) => (index ? poll.receivedAt - all[index - 1].receivedAt : 0)).slice(1);
		expect(gaps).toHaveLength(3);
		expect(gaps.every((gap) => gap >= 140 && gap < 1000)).toBe(true);
		const [job] = [...fake.api.videos.values()];
		expect(items[0].json).toEqual(job);
		expect(items[0].json.status).toBe('completed');
		const binary = items[0].binary!.video;
		expect(binary).toMatchObject({ mimeType: 'video/mp4', fileName: `${job.id}.mp4` });
		expect((await Container.get(BinaryDataService).getAsBuffer(binary)).toString()).toBe(`fake-mp4:${job.id}`);
		const paths = fake.api.requests.map((request) => `${request.method} ${request.path}`);
		expect(paths).toEqual(['POST /videos', ...Array(4).fill(`GET /videos/${job.id}`), `GET /videos/${job.id}/content`]);
	});

	test('without a hint it polls at the Poll Interval, first one interval after creation, and not again once done', async () => {
		fake.api.jobPlan = { pollsUntilDone: 2 };
		const { error } = await fake.run({ parameters: create({ downloadResult: false }) });

		expect(error).toBeUndefined();
		const [post, first, second] = fake.api.requests;
		expect(fake.api.requests).toHaveLength(3);
		expect(first.receivedAt - post.receivedAt).toBeGreaterThanOrEqual(950);
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
	});

	test('Wait for Completion off outputs the queued job at once', async () => {
		const { items } = await fake.run({ parameters: create({ waitForCompletion: false }) });

		expect(items[0].json.status).toBe('queued');
		expect(fake.api.requests).toHaveLength(1);
	});

	test('a failed job is an error naming the job ID and the API error', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50, outcome: 'failed', error: { code: 'moderation_blocked', message: 'The prompt was blocked' } };
		const { error } = await fake.run({ parameters: create() });

		expect(error?.message).toBe('Video job video_1 failed (moderation_blocked): The prompt was blocked');
		expect(fake.api.requests.some((request) => request.path.endsWith('/content'))).toBe(false);
	});

	test('with Continue On Fail a failed job gives its video object and error, and the other items go on', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1, pollAfterMs: 50, outcome: 'failed', error: { code: 'moderation_blocked', message: 'Blocked' } };
		const { items, error } = await fake.run({ parameters: create({ downloadResult: false }), continueOnFail: true });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 'video_1', status: 'failed', error: { code: 'moderation_blocked', message: 'Blocked' } });
	});

	test('at the timeout the error names the job ID, its status and progress', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1000, pollAfterMs: 200 };
		const { error } = await fake.run({ parameters: create({ options: { waitTimeout: 1 } }) });

		expect(error?.message).toMatch(/^Video job video_1 is still in_progress, \d+% done after waiting 1 s$/);
		expect(error?.description).toMatch(/Get operation \(ID video_1\)/);
	});

	test('On Timeout "Return Job" outputs the latest state and goes on', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1000, pollAfterMs: 200 };
		const { items, error } = await fake.run({ parameters: create({ options: { waitTimeout: 1, onTimeout: 'returnJob' } }) });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 'video_1', status: 'in_progress' });
		expect(items[0].binary).toBeUndefined();
	});

	test('cancelling the execution stops the wait without new requests', async () => {
		fake.api.jobPlan = { pollsUntilDone: 1000, pollAfterMs: 100 };
		let cancelledAt = 0;
		const result = await fake.run({
			parameters: create(),
			onStart: (cancel) =>
				setTimeout(() => {
					cancelledAt = fake.api.requests.length;
					cancel();
				}, 450),
		});
		const countAtEnd = fake.api.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 400));

		expect(result.status).toBe('canceled');
		expect(countAtEnd).toBeLessThanOrEqual(cancelledAt + 1);
		expect(fake.api.requests.length).toBe(countAtEnd);
	});

	test('many items wait side by side, not one after another', async () => {
		fake.api.jobPlan = { completeAfterMs: 600, pollAfterMs: 100 };
		const items = Array.from({ length: 20 }, (_, n) => ({ json: { n } }));
		const result = await fake.run({ parameters: create({ prompt: '={{ "scene " + $json.n }}' }), items });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(20);
		expect(result.items.every((item) => item.json.status === 'completed' && item.binary?.data)).toBe(true);
		const firstDownload = fake.api.requests.findIndex((request) => request.path.endsWith('/content'));
		const lastCreate = fake.api.requests.map((request) => request.method).lastIndexOf('POST');
		// Every job was started, and polled, before the first one was downloaded.
		expect(lastCreate).toBeLessThan(firstDownload);
		// While they wait, one list page checks them all: fewer status requests than jobs.
		const checks = fake.api.requests.slice(0, firstDownload).filter((request) => request.method === 'GET');
		expect(checks.some((request) => request.path === '/videos')).toBe(true);
		expect(checks.length).toBeLessThan(20);
	});
});

describe('retries', () => {
	const get = (videoId: string, maxRetries?: number) => ({
		resource: 'video',
		operation: 'get',
		videoId,
		...(maxRetries === undefined ? {} : { options: { maxRetries } }),
	});

	test('a GET is retried on 429 and 5xx, honouring retry-after', async () => {
		const video = fake.api.addVideo();
		fake.api.script({ method: 'GET', path: `/videos/${video.id}` }, { status: 429, headers: { 'retry-after': '1' }, json: { error: { message: 'slow down' } } });
		fake.api.script({ method: 'GET', path: `/videos/${video.id}` }, { status: 503, headers: { 'retry-after-ms': '20' }, json: { error: { message: 'busy' } } });
		const { items, error } = await fake.run({ parameters: get(String(video.id)) });

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(video.id);
		const [first, second, third] = fake.api.requests;
		expect(fake.api.requests).toHaveLength(3);
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
		expect(third.receivedAt - second.receivedAt).toBeLessThan(900);
	});

	test('a GET is retried when the connection breaks, and gives up after Max Retries', async () => {
		const video = fake.api.addVideo();
		fake.api.script({ method: 'GET', path: `/videos/${video.id}` }, { destroy: true });
		const recovered = await fake.run({ parameters: get(String(video.id)) });
		fake.api.script({ method: 'GET', path: `/videos/${video.id}` }, { status: 500, json: { error: { message: 'boom' } } });
		fake.api.script({ method: 'GET', path: `/videos/${video.id}` }, { status: 500, json: { error: { message: 'boom' } } });
		const failed = await fake.run({ parameters: get(String(video.id), 1) });

		expect(recovered.error).toBeUndefined();
		expect(failed.error?.message).toBe('GET /videos/{video_id} failed (500): boom');
		expect(fake.api.requests).toHaveLength(4);
	});

	test('a create that got a 500 is never sent again: the job may exist', async () => {
		fake.api.script({ method: 'POST', path: '/videos' }, { status: 500, json: { error: { message: 'upstream failed' } } });
		const { error } = await fake.run({ parameters: create() });

		expect(error?.message).toBe('POST /videos for item 0 ended without a clear answer; the job may exist and is not sent again: POST /videos failed (500): upstream failed');
		expect(fake.api.requests).toHaveLength(1);
	});

	test('a create whose connection broke after sending is never sent again', async () => {
		fake.api.script({ method: 'POST', path: '/videos' }, { destroy: true });
		const { error } = await fake.run({ parameters: create({ waitForCompletion: false }) });

		expect(error).toBeDefined();
		expect(fake.api.requests).toHaveLength(1);
	});

	test('a create refused with 429 is retried after retry-after and starts one job', async () => {
		fake.api.script({ method: 'POST', path: '/videos' }, { status: 429, headers: { 'retry-after-ms': '30' }, json: { error: { message: 'Too many creates' } } });
		const { items, error } = await fake.run({ parameters: create({ waitForCompletion: false }) });

		expect(error).toBeUndefined();
		expect(fake.api.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
		expect(fake.api.videos.size).toBe(1);
		expect(items[0].json.id).toBe([...fake.api.videos.keys()][0]);
	});
});
