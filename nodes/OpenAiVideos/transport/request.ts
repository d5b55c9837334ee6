import type {
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IPollFunctions,
} from 'n8n-workflow';

import { toServerError, type FullResponse } from './errors';
import { withRetries, type RetryPolicy } from './retry';

export const CREDENTIAL_TYPE = 'openAiVideosApi';
export const DEFAULT_MAX_RETRIES = 3;

export type ApiContext = IExecuteSingleFunctions | IExecuteFunctions | IPollFunctions;

export interface ApiRequest {
	method: 'GET' | 'POST' | 'DELETE';
	url: string;
	qs?: IHttpRequestOptions['qs'];
	body?: IHttpRequestOptions['body'];
	encoding?: IHttpRequestOptions['encoding'];
	disableFollowRedirect?: boolean;
	/** Names the endpoint in error messages, e.g. "GET /videos/{video_id}". */
	endpoint: string;
}

export function cancelSignalOf(context: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * One authenticated exchange: an error answer becomes a ServerError naming the endpoint.
 * (A 3xx only arrives when the request asked not to follow redirects.)
 */
export async function sendOnce(context: ApiContext, request: ApiRequest): Promise<FullResponse> {
	const { endpoint, ...options } = request;
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
		...options,
		json: options.encoding === undefined,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as FullResponse;
	if (response.statusCode >= 400) throw await toServerError(context.getNode(), response, endpoint);
	return response;
}

/** An exchange retried according to the policy (see retry.ts). */
export async function apiRequest(
	context: ApiContext,
	request: ApiRequest,
	policy: RetryPolicy,
	maxRetries = DEFAULT_MAX_RETRIES,
): Promise<FullResponse> {
	return await withRetries(async () => await sendOnce(context, request), policy, {
		node: context.getNode(),
		maxRetries,
		signal: cancelSignalOf(context),
	});
}
