/**
 * Glue between n8n's declarative routing and our transport.
 *
 * The routing engine builds each request from the parameters, then hands it to
 * `routing.operations.pagination` (when `send.paginate` is on) to be sent. We use that hook as
 * the one place that sends: with retries for every operation, and cursor paging for Get Many.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import { foreignApiError, toServerError, type FullResponse } from './errors';
import { cancelSignalOf, DEFAULT_MAX_RETRIES } from './request';
import { withRetries, type RetryPolicy } from './retry';

export type Driver = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

export function maxRetriesOf(context: IExecuteSingleFunctions): number {
	return Number(context.getNodeParameter('options.maxRetries', DEFAULT_MAX_RETRIES));
}

export function pairWithInput(context: IExecuteSingleFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const item = context.getItemIndex();
	return items.map((output) => ({ ...output, pairedItem: { item } }));
}

/** postReceive: an error answer becomes an error naming the endpoint, with the server's message. */
export function checkResponse(endpoint: string): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		if (response.statusCode >= 400) {
			throw await toServerError(this.getNode(), response as FullResponse, endpoint);
		}
		return items;
	};
}

/** postReceive: an error answer, or an answer that is no video job, becomes a clear error. */
export function checkVideoResponse(endpoint: string): PostReceiveAction[] {
	const expectVideo = async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const error = foreignApiError(this.getNode(), endpoint, items[0]?.json);
		if (error) throw error;
		return items;
	};
	return [checkResponse(endpoint), expectVideo];
}

export async function sendRetried(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	policy: RetryPolicy,
): Promise<INodeExecutionData[]> {
	return await withRetries(async () => await context.makeRoutingRequest(requestData), policy, {
		node: context.getNode(),
		maxRetries: maxRetriesOf(context),
		signal: cancelSignalOf(context),
	});
}

/** Sends the prepared request once, retrying as the policy allows; one output item per input item. */
export function sendWithRetries(policy: RetryPolicy): Driver {
	return async function (this: IExecutePaginationFunctions, requestData) {
		return pairWithInput(this, await sendRetried(this, requestData, policy));
	};
}

const MAX_PAGE_SIZE = 100;

/**
 * Get Many: follows `after` = `last_id` while `has_more`, asking for no more than it still needs.
 * Stops on a page that brings no new video: an empty page, a cursor seen before, or a server
 * that restarts the list from the top when it does not know the cursor.
 */
export const followCursor: Driver = async function (this, requestData) {
	const wanted = this.getNodeParameter('returnAll', false)
		? Infinity
		: Number(this.getNodeParameter('limit', 50));
	const videos: IDataObject[] = [];
	const idsSeen = new Set<string>();
	let after: string | undefined;
	while (videos.length < wanted) {
		const qs = { ...requestData.options.qs, limit: Math.min(MAX_PAGE_SIZE, wanted - videos.length), after };
		if (after === undefined) delete qs.after;
		const [page] = await sendRetried(this, { ...requestData, options: { ...requestData.options, qs } }, 'idempotent');
		const body = (page?.json ?? {}) as IDataObject;
		const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		const fresh = data.filter((video) => !idsSeen.has(String(video.id)));
		for (const video of fresh) idsSeen.add(String(video.id));
		videos.push(...fresh.slice(0, wanted - videos.length));
		after = (body.last_id as string | undefined) ?? (data[data.length - 1]?.id as string | undefined);
		if (!fresh.length || body.has_more === false || !after) break;
		if (body.has_more === undefined && data.length < qs.limit) break;
	}
	return pairWithInput(
		this,
		videos.map((json) => ({ json })),
	);
};
