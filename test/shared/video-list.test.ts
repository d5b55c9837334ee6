/**
 * The one GET /videos pager (nodes/shared/video-list.ts): its cursor rule, its "more pages" rule and
 * its page bound, without servers (pages are handed in).
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { MAX_LIST_PAGES, pageInfo, walkVideoPages, type PageRequest, type VideoPage } from '../../nodes/shared/video-list';
import type { Connection } from '../../nodes/shared/transport/request';

const node = { name: 'OpenAI Videos', type: 'n8n-nodes-openai-videos.openAiVideos', typeVersion: 1, parameters: {} } as unknown as INode;
const connection = { context: { getNode: () => node } } as unknown as Connection;
const videos = (...ids: string[]): IDataObject[] => ids.map((id) => ({ id }));

describe('pageInfo', () => {
	test('the cursor is last_id when the server gives it, else the last video of the page', () => {
		expect(pageInfo({ data: videos('a', 'b'), has_more: true, last_id: 'z' }, videos('a', 'b'), 2).next).toBe('z');
		expect(pageInfo({ data: videos('a', 'b'), has_more: true }, videos('a', 'b'), 2).next).toBe('b');
		expect(pageInfo({ data: videos('a', 'b'), has_more: true, last_id: '' }, videos('a', 'b'), 2).next).toBe('b');
	});

	test('has_more decides when given; without it a full page means more', () => {
		expect(pageInfo({ data: videos('a', 'b'), has_more: false }, videos('a', 'b'), 2).hasMore).toBe(false);
		expect(pageInfo({ data: videos('a'), has_more: true }, videos('a'), 2).hasMore).toBe(true);
		expect(pageInfo({ data: videos('a', 'b') }, videos('a', 'b'), 2).hasMore).toBe(true);
		expect(pageInfo({ data: videos('a') }, videos('a'), 2)).toEqual({ hasMore: false, next: undefined });
	});

	test('no cursor, no more pages', () => {
		expect(pageInfo({ data: [{}], has_more: true }, [], 1)).toEqual({ hasMore: false, next: undefined });
	});
});

/** A list of `total` videos (or without end) in pages of `size`, with the requests it got. */
function list(total: number, size = 2) {
	const requests: PageRequest[] = [];
	const fetchPage = async (page: PageRequest): Promise<VideoPage> => {
		requests.push(page);
		const start = page.after === undefined ? 0 : Number(page.after) + 1;
		const end = Math.min(total, start + (page.limit ?? size));
		const ids = Array.from({ length: Math.max(0, end - start) }, (_, index) => String(start + index));
		return { videos: videos(...ids), hasMore: end < total, next: ids.at(-1), headers: {} };
	};
	return { requests, fetchPage };
}

describe('walkVideoPages', () => {
	test('follows the cursor until the list ends', async () => {
		const { requests, fetchPage } = list(5);
		const seen: string[] = [];
		await walkVideoPages(connection, { maxRetries: 0, limit: 2 }, { take: (page) => (seen.push(...page.videos.map((video) => String(video.id))), false) }, fetchPage);
		expect(seen).toEqual(['0', '1', '2', '3', '4']);
		expect(requests.map((request) => request.after)).toEqual([undefined, '1', '3']);
	});

	test('stops when take has enough, and asks for the page size it wants', async () => {
		const { requests, fetchPage } = list(Infinity);
		let taken = 0;
		await walkVideoPages(connection, { maxRetries: 0 }, { pageSize: () => Math.min(100, 150 - taken), take: (page) => (taken += page.videos.length) >= 150 }, fetchPage);
		expect(requests.map((request) => request.limit)).toEqual([100, 50]);
	});

	test('a page that repeats (nothing new) ends the walk', async () => {
		const requests: PageRequest[] = [];
		const fetchPage = async (page: PageRequest): Promise<VideoPage> => (requests.push(page), { videos: videos('a', 'b'), hasMore: true, next: 'b', headers: {} });
		await walkVideoPages(connection, { maxRetries: 0 }, { take: () => false }, fetchPage);
		expect(requests).toHaveLength(2);
	});

	test('a list that never ends fails after the page bound, naming it', async () => {
		expect(MAX_LIST_PAGES).toBe(5_000);
		const { requests, fetchPage } = list(Infinity);
		const walk = walkVideoPages(connection, { maxRetries: 0, limit: 2 }, { take: () => false, maxPages: 300 }, fetchPage);
		await expect(walk).rejects.toThrow('GET /videos still announces more videos after 300 pages (600 videos); stopped');
		expect(requests).toHaveLength(300);
	});

	test('the default bound is MAX_LIST_PAGES', async () => {
		const { requests, fetchPage } = list(Infinity, 1);
		await expect(walkVideoPages(connection, { maxRetries: 0, limit: 1 }, { take: () => false }, fetchPage)).rejects.toThrow(`after ${MAX_LIST_PAGES} pages`);
		expect(requests).toHaveLength(MAX_LIST_PAGES);
	});
});
