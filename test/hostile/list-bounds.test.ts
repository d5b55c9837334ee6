/**
 * Issue 10, point 4 (Get Many): Return All completes for very long lists without a stack overflow,
 * and a list that repeats itself ends (the page bound itself: test/shared/video-list.test.ts).
 */
import type { INodeParameters } from 'n8n-workflow';

import { runAgainst, sendJson, useHosts, video } from './servers';

const hosts = useHosts();

const getMany = (limit: number): INodeParameters => ({ resource: 'video', operation: 'getAll', returnAll: false, limit, options: {} });

/** A list server over `total` videos (all of them, or without end), in pages of at most 100. */
function listServer(total: number, pageSize = 100) {
	const pages = { served: 0 };
	hosts.home.handle = (request, response) => {
		const after = request.query.get('after');
		const start = after === null ? 0 : Number(after.slice('video_'.length)) + 1;
		const end = Math.min(total, start + Math.min(pageSize, Number(request.query.get('limit') ?? 100)));
		const data = [];
		for (let index = start; index < end; index++) data.push({ id: `video_${index}`, object: 'video', status: 'completed', created_at: 1_760_000_000 - index });
		pages.served++;
		sendJson(response, 200, { object: 'list', data, has_more: end < total, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
	};
	return pages;
}

describe('Get Many is bounded', () => {
	test('Return All completes for 150,000 videos in pages of 100, without a stack overflow', async () => {
		const pages = listServer(150_000);

		const { error, items } = await runAgainst(hosts.home, { resource: 'video', operation: 'getAll', returnAll: true, options: {} });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(150_000);
		expect(items[0].json.id).toBe('video_0');
		expect(items[149_999].json.id).toBe('video_149999');
		expect(pages.served).toBe(1_500);
	}, 60_000);

	// 200,000 is well past the ~120,000 items at which push(...page) overflows the stack; a page of
	// 1,000,000 passes as well, but takes 14 s here.
	test('Return All takes a single page of 200,000 videos', async () => {
		const data = Array.from({ length: 200_000 }, (_, index) => ({ id: `v${index}` }));
		const body = Buffer.from(JSON.stringify({ object: 'list', data, has_more: false }));
		hosts.home.handle = (_request, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) }).end(body);

		const { error, items } = await runAgainst(hosts.home, { resource: 'video', operation: 'getAll', returnAll: true, options: {} });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(200_000);
	}, 60_000);

	test('a list that repeats its page with has_more: true ends', async () => {
		hosts.home.handle = (_request, response) => sendJson(response, 200, { object: 'list', data: [video('video_1'), video('video_2')], has_more: true, last_id: 'video_2' });

		const { items } = await runAgainst(hosts.home, { resource: 'video', operation: 'getAll', returnAll: true, options: {} });

		expect(hosts.home.requests.length).toBeLessThanOrEqual(2);
		expect(items.map((item) => item.json.id)).toEqual(['video_1', 'video_2']);
	});

	test('a Limit asks for no more than it needs', async () => {
		listServer(1_000);

		const { items } = await runAgainst(hosts.home, getMany(150));

		expect(items).toHaveLength(150);
		expect(hosts.home.requests.map((request) => request.query.get('limit'))).toEqual(['100', '50']);
	});
});
