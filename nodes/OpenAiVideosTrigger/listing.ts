/**
 * The trigger's walk over `GET /videos` (newest first) through the shared pager, and what its
 * errors mean for the trigger: a server without the list cannot be used with it.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { ServerError } from '../shared/transport/errors';
import { DEFAULT_MAX_RETRIES } from '../shared/transport/limits';
import type { Connection } from '../shared/transport/request';
import { LIST_ENDPOINT, walkVideoPages, type VideoPage } from '../shared/video-list';

export const LISTING_UNSUPPORTED_MESSAGE =
	'The server does not offer listing videos (GET /videos), so the OpenAI Videos Trigger cannot be used with it';

function listingUnsupported(node: INode, error: ServerError): NodeApiError {
	return new NodeApiError(node, { status: error.status, serverMessage: error.message } as JsonObject, {
		message: `${LISTING_UNSUPPORTED_MESSAGE} (HTTP ${error.status})`,
		description:
			'The trigger finds finished jobs by listing videos. Point the credential at a server that answers GET /videos, or wait for each job in the OpenAI Videos node instead.',
		httpCode: String(error.status),
	});
}

/**
 * Walks the list newest first, handing each page to `take` until it returns true (covered enough)
 * or the list ends. Only the first page tells whether the server lists videos at all.
 */
export async function walkVideos(connection: Connection, take: (page: VideoPage) => boolean, query: IDataObject = {}): Promise<void> {
	let firstPage = true;
	try {
		await walkVideoPages(connection, { order: 'desc', query, maxRetries: DEFAULT_MAX_RETRIES }, {
			take: (page) => {
				firstPage = false;
				return take(page);
			},
		});
	} catch (error) {
		throw listingErrorOf(connection.context.getNode(), error, firstPage);
	}
}

function listingErrorOf(node: INode, error: unknown, firstPage: boolean): NodeApiError {
	if (firstPage && error instanceof ServerError && (error.status === 404 || error.status === 405)) return listingUnsupported(node, error);
	if (error instanceof NodeApiError) return error;
	return new NodeApiError(node, error as JsonObject, { message: `${LIST_ENDPOINT} failed: ${(error as Error)?.message ?? String(error)}` });
}
