import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions, JsonObject } from 'n8n-workflow';

import { ServerError } from '../OpenAiVideos/transport/errors';
import { DEFAULT_MAX_RETRIES } from '../OpenAiVideos/transport/limits';
import type { Connection } from '../OpenAiVideos/transport/request';
import { apiRequest } from '../OpenAiVideos/transport/retry';

export const LIST_ENDPOINT = 'GET /videos';
/** The largest page the API allows. */
export const PAGE_SIZE = 100;
/** A safety net against a server whose cursor never ends: a million videos. */
const MAX_PAGES = 10_000;

export interface VideoPage {
	videos: IDataObject[];
	hasMore: boolean;
}

export const LISTING_UNSUPPORTED_MESSAGE =
	'The server does not offer listing videos (GET /videos), so the OpenAI Videos Trigger cannot be used with it';

function listingUnsupported(context: IPollFunctions, error: ServerError): NodeApiError {
	return new NodeApiError(
		context.getNode(),
		{ status: error.status, serverMessage: error.message } as JsonObject,
		{
			message: `${LISTING_UNSUPPORTED_MESSAGE} (HTTP ${error.status})`,
			description:
				'The trigger finds finished jobs by listing videos. Point the credential at a server that answers GET /videos, or wait for each job in the OpenAI Videos node instead.',
			httpCode: String(error.status),
		},
	);
}

/**
 * The error a failed page becomes. Only the first page tells whether the server lists videos at
 * all; a later page that fails is reported as it is.
 */
function listingErrorOf(context: IPollFunctions, error: unknown, firstPage: boolean): NodeApiError {
	if (firstPage && error instanceof ServerError && (error.status === 404 || error.status === 405)) {
		return listingUnsupported(context, error);
	}
	if (error instanceof NodeApiError) return error;
	return new NodeApiError(context.getNode(), error as JsonObject, {
		message: `${LIST_ENDPOINT} failed: ${(error as Error)?.message ?? String(error)}`,
	});
}

function malformed(context: IPollFunctions, body: unknown): NodeApiError {
	return new NodeApiError(context.getNode(), { body: JSON.stringify(body ?? null).slice(0, 500) } as JsonObject, {
		message: `${LIST_ENDPOINT} answered without a list of videos`,
		description: 'Expected a JSON object with a "data" array. Check that the base URL points at a server of this API.',
	});
}

/** One page of `GET /videos?order=desc`, newest first. */
export async function fetchPage(connection: Connection, after: string | undefined, query: IDataObject = {}): Promise<VideoPage> {
	const context = connection.context as IPollFunctions;
	let body: unknown;
	try {
		const qs: IDataObject = { ...query, order: 'desc', limit: PAGE_SIZE };
		if (after !== undefined) qs.after = after;
		({ body } = await apiRequest(connection, { method: 'GET', path: '/videos', qs, endpoint: LIST_ENDPOINT }, 'idempotent', DEFAULT_MAX_RETRIES));
	} catch (error) {
		throw listingErrorOf(context, error, after === undefined);
	}
	const data = (body as IDataObject | undefined)?.data;
	if (!body || typeof body !== 'object' || !Array.isArray(data)) throw malformed(context, body);
	const videos = (data as unknown[]).filter(
		(video): video is IDataObject => typeof video === 'object' && video !== null && !Array.isArray(video),
	);
	const declared = (body as IDataObject).has_more;
	// A server that does not say whether more follows is asked again while its pages are full.
	const hasMore = typeof declared === 'boolean' ? declared : data.length >= PAGE_SIZE;
	return { videos, hasMore };
}

/**
 * Walks the list newest first, handing each page to `take` until it returns true (covered
 * enough) or the list ends.
 */
export async function walkVideos(
	connection: Connection,
	take: (page: VideoPage) => boolean,
	query: IDataObject = {},
): Promise<void> {
	const context = connection.context;
	let after: string | undefined;
	for (let pages = 0; pages < MAX_PAGES; pages++) {
		const page = await fetchPage(connection, after, query);
		if (take(page) || !page.hasMore || page.videos.length === 0) return;
		const next = String(page.videos[page.videos.length - 1].id ?? '');
		if (!next || next === after) {
			throw new NodeApiError(context.getNode(), { after: after ?? null } as JsonObject, {
				message: `${LIST_ENDPOINT} does not page on: the server repeats the same page after video ${next || '(no ID)'}`,
				description: 'The trigger needs a server that honours the "after" cursor of GET /videos.',
			});
		}
		after = next;
	}
	throw new NodeApiError(context.getNode(), {} as JsonObject, {
		message: `${LIST_ENDPOINT} returned more than ${MAX_PAGES} pages in one poll`,
		description: 'The server keeps announcing more videos; the trigger stopped listing to protect the instance.',
	});
}
