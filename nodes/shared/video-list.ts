/**
 * The one pager of `GET /videos`, used by Get Many, the Video pickers, the waiting jobs and the
 * trigger. One cursor rule (`after` = the page's `last_id`, else its last video's ID), one "more
 * pages" rule (`has_more` when the server says it, else a full page), one page bound.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import type { Connection } from './transport/request';
import type { FullResponse } from './transport/response';
import { apiRequest } from './transport/retry';

export const LIST_ENDPOINT = 'GET /videos';
/** The largest page the API allows. */
export const LIST_PAGE_SIZE = 100;
/** A walk stops with an error beyond this many pages (500,000 videos): the server's has_more does not end. */
export const MAX_LIST_PAGES = 5_000;

export interface PageRequest {
	/** The cursor: the page starts after this video. */
	after?: string;
	limit?: number;
	order?: 'asc' | 'desc' | string;
	/** Extra query parameters (the Extra Query Parameters option). */
	query?: IDataObject;
	maxRetries: number;
	/** Ends the request early (a wait's deadline). */
	signal?: AbortSignal;
}

export interface VideoPage {
	/** The page's video objects (entries that are not objects with an ID are left out). */
	videos: IDataObject[];
	/** Whether more pages follow. */
	hasMore: boolean;
	/** The cursor of the next page, when more follow. */
	next?: string;
	headers: IDataObject;
}

/** A list answer's cursor and "more" flag, by the rules above. */
export function pageInfo(body: IDataObject, videos: IDataObject[], limit: number): Pick<VideoPage, 'hasMore' | 'next'> {
	const data = body.data as unknown[];
	const lastId = typeof body.last_id === 'string' && body.last_id !== '' ? body.last_id : videos[videos.length - 1]?.id;
	const hasMore = typeof body.has_more === 'boolean' ? body.has_more : data.length >= limit;
	const next = lastId === undefined || lastId === null || lastId === '' ? undefined : String(lastId);
	return { hasMore: hasMore && next !== undefined, next: hasMore ? next : undefined };
}

/** A list endpoint answered without a `data` array. */
export class NotAListError extends NodeApiError {
	constructor(node: INode, endpoint: string, body: unknown) {
		super(node, { body: JSON.stringify(body ?? null).slice(0, 300) } as JsonObject, {
			message: `${endpoint} answered without a list of ${endpoint === LIST_ENDPOINT ? 'videos' : 'models'}`,
			description: 'Expected a JSON object with a "data" array. Check that the Base URL points at a server of this API.',
		});
	}
}

/** One page of `GET /videos`. Throws the transport's errors, or notAListError when the answer has no `data` array. */
export async function fetchVideoPage(connection: Connection, page: PageRequest): Promise<VideoPage> {
	const limit = page.limit ?? LIST_PAGE_SIZE;
	const qs: IDataObject = { ...page.query, order: page.order ?? 'desc', limit };
	if (page.after !== undefined) qs.after = page.after;
	const response: FullResponse = await apiRequest(
		connection,
		{ method: 'GET', path: '/videos', qs, endpoint: LIST_ENDPOINT, signal: page.signal },
		'idempotent',
		page.maxRetries,
	);
	const body = response.body as IDataObject | undefined;
	if (!body || typeof body !== 'object' || !Array.isArray(body.data)) throw new NotAListError(connection.context.getNode(), LIST_ENDPOINT, body);
	const videos = (body.data as unknown[]).filter(
		(video): video is IDataObject => typeof video === 'object' && video !== null && !Array.isArray(video) && (video as IDataObject).id !== undefined,
	);
	return { videos, ...pageInfo(body, videos, limit), headers: response.headers };
}

export interface Walk {
	/** Called with each page, newest first; returns true when it has what it needs. */
	take: (page: VideoPage) => boolean;
	/** The size of the next page to ask for (a Limit asks for no more than it still needs). */
	pageSize?: () => number;
	/** The pages a walk may read before it fails: MAX_LIST_PAGES unless a caller needs fewer. */
	maxPages?: number;
}

/**
 * Walks the list page by page until `take` is satisfied, the list ends, or a page brings no video
 * not seen before (a server that repeats its page). Fails beyond the page bound.
 */
export async function walkVideoPages(
	connection: Connection,
	first: PageRequest,
	{ take, pageSize, maxPages = MAX_LIST_PAGES }: Walk,
	fetchPage: (page: PageRequest) => Promise<VideoPage> = async (page) => await fetchVideoPage(connection, page),
): Promise<void> {
	const seen = new Set<string>();
	let after = first.after;
	let videosRead = 0;
	for (let pages = 0; ; pages++) {
		if (pages >= maxPages) {
			throw new NodeApiError(connection.context.getNode(), { pages } as JsonObject, {
				message: `${LIST_ENDPOINT} still announces more videos after ${pages} pages (${videosRead} videos); stopped`,
				description: `A walk over the list reads at most ${maxPages} pages. Use a Limit, or check that the server's has_more ends.`,
			});
		}
		const page = await fetchPage({ ...first, after, limit: pageSize?.() ?? first.limit });
		const fresh = page.videos.filter((video) => !seen.has(String(video.id)));
		for (const video of fresh) seen.add(String(video.id));
		videosRead += fresh.length;
		if (take({ ...page, videos: fresh }) || !page.hasMore || fresh.length === 0 || page.next === after) return;
		after = page.next;
	}
}
