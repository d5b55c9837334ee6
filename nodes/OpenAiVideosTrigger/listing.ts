/**
 * The trigger's walk over `GET /videos` (newest first) through the shared pager, and what its
 * errors mean for the trigger: a server without the list, or whose list needs what the credential
 * does not send, cannot be used with it.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { ServerError } from '../shared/transport/errors';
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
 * LiteLLM's proxy lists videos only for one provider: without `custom_llm_provider` it answers 400
 * naming that parameter, and for a provider whose list it lacks (Gemini, Vertex AI) 400 "video list
 * is not supported for …" (litellm/videos/main.py, its providers' transform_video_list_request).
 */
const PROVIDER_LIST_MISSING = /custom_llm_provider|\blist(?:ing)?\b[^.]*\bnot supported\b/i;

function listingNeedsProvider(node: INode, error: ServerError): NodeApiError {
	return new NodeApiError(node, { status: error.status, serverMessage: error.serverText } as JsonObject, {
		message: `${LISTING_UNUSABLE_MESSAGE} (HTTP ${error.status}: ${error.serverText.slice(0, 200)})`,
		description:
			'LiteLLM lists videos only for a provider that offers a list: add custom_llm_provider (e.g. openai or azure) to the ' +
			"credential's Query Parameters, or to this trigger's Extra Query Parameters. Providers without a video list (e.g. gemini, " +
			'vertex_ai) cannot be used with the trigger: wait for each job in the OpenAI Videos node instead.',
		httpCode: String(error.status),
	});
}

export const LISTING_UNUSABLE_MESSAGE =
	'The server does not list videos as configured (GET /videos), so the OpenAI Videos Trigger cannot be used with it as configured';

/** What every page of a poll is asked with. */
export interface ListSettings {
	query: IDataObject;
	maxRetries: number;
}

/**
 * Walks the list newest first, handing each page to `take` until it returns true (covered enough)
 * or the list ends. Only the first page tells whether the server lists videos at all.
 */
export async function walkVideos(connection: Connection, take: (page: VideoPage) => boolean, { query, maxRetries }: ListSettings): Promise<void> {
	let firstPage = true;
	try {
		await walkVideoPages(connection, { order: 'desc', query, maxRetries }, {
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
	if (firstPage && error instanceof ServerError && error.status === 400 && PROVIDER_LIST_MISSING.test(error.serverText)) {
		return listingNeedsProvider(node, error);
	}
	if (error instanceof NodeApiError) return error;
	return new NodeApiError(node, error as JsonObject, { message: `${LIST_ENDPOINT} failed: ${(error as Error)?.message ?? String(error)}` });
}
