/**
 * Glue between n8n's declarative routing and our transport, for the operations that stay pure
 * routing (Get, Delete, Download, Character → Get): the routing engine builds each request from
 * the parameters and hands it to `routing.operations.pagination` (`send.paginate` on); that hook
 * sends it through `apiRequest` (redirects by hand, deadlines, retries, redaction).
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	PreSendAction,
} from 'n8n-workflow';

import { extraQueryOf } from '../helpers/extras';
import { requiredId } from '../helpers/inputs';
import { checkedMaxRetries, checkedRequestTimeoutS } from '../helpers/job-settings';
import { expectVideoJob } from './errors';
import { DEFAULT_MAX_RETRIES, DEFAULT_REQUEST_TIMEOUT_S } from './limits';
import { connect, type ApiRequest, type Connection } from './request';
import { apiRequest } from './retry';

export type Driver = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

export function pairWithInput(context: IExecuteSingleFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const item = context.getItemIndex();
	return items.map((output) => ({ ...output, pairedItem: { item } }));
}

/** preSend: the item's ID is checked before any request. */
export function requireId(parameterName: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		requiredId(this.getNode(), this.getItemIndex(), this.getNodeParameter(parameterName, '', { extractValue: true }), label);
		return options;
	};
}

export function maxRetriesOfItem(context: IExecuteSingleFunctions): number {
	return checkedMaxRetries(context.getNode(), context.getItemIndex(), context.getNodeParameter('options.maxRetries', DEFAULT_MAX_RETRIES));
}

export async function connectItem(context: IExecuteSingleFunctions): Promise<Connection> {
	const value = context.getNodeParameter('options.requestTimeout', DEFAULT_REQUEST_TIMEOUT_S);
	return await connect(context, checkedRequestTimeoutS(context.getNode(), context.getItemIndex(), value));
}

/** The routed request as our transport sends it, with the item's Extra Query Parameters. */
export function routedRequest(context: IExecuteSingleFunctions, requestData: DeclarativeRestApiSettings.ResultOptions, endpoint: string): ApiRequest {
	const { method, url, qs } = requestData.options;
	return {
		method: (method ?? 'GET') as ApiRequest['method'],
		path: String(url),
		qs: { ...((qs ?? {}) as IDataObject), ...extraQueryOf(context, context.getItemIndex()) },
		endpoint,
	};
}

/** Sends the routed request; `expectVideo` fails clearly when the answer is no video job. */
export function sendRouted(
	endpoint: string,
	expectVideo = false,
	shape?: (body: IDataObject, context: IExecutePaginationFunctions) => IDataObject,
): Driver {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const connection = await connectItem(this);
		const response = await apiRequest(connection, routedRequest(this, requestData, endpoint), 'idempotent', maxRetriesOfItem(this));
		if (expectVideo) expectVideoJob(this.getNode(), endpoint, response.body);
		const body = (response.body && typeof response.body === 'object' ? response.body : { response: response.body ?? null }) as IDataObject;
		return pairWithInput(this, [{ json: shape ? shape(body, this) : body }]);
	};
}
