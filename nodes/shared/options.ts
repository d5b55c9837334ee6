/** The options both nodes show (Extra Query Parameters, Max Retries, Request Timeout), each with its checked reader. */
import type { INodeProperties } from 'n8n-workflow';

import { boundedNumber, parameterOf, type ParameterContext } from './parameters';
import { DEFAULT_MAX_RETRIES, DEFAULT_REQUEST_TIMEOUT_S, MAX_REQUEST_TIMEOUT_S, MAX_RETRIES } from './transport/limits';

export const requestTimeoutOption: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_REQUEST_TIMEOUT_S },
	default: DEFAULT_REQUEST_TIMEOUT_S,
	description: 'How long one request may go without an answer, and a download without data, before it fails',
};

export const extraQueryOption: INodeProperties = {
	displayName: 'Extra Query Parameters',
	name: 'extraQuery',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Parameter',
	default: {},
	description: 'Query parameters that one server needs, e.g. custom_llm_provider for LiteLLM',
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. custom_llm_provider' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. openai' },
			],
		},
	],
};

export const maxRetriesOption: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: MAX_RETRIES },
	default: DEFAULT_MAX_RETRIES,
	description:
		'How often to retry on rate limits, server errors and broken connections. Requests that start a paid job are retried only when the server provably did not take them.',
};

/** The Max Retries option of an item, checked. */
export function maxRetriesOf(context: ParameterContext, itemIndex: number): number {
	const value = parameterOf(context, 'options.maxRetries', itemIndex, DEFAULT_MAX_RETRIES);
	return boundedNumber(context.getNode(), itemIndex, value, 'Max Retries', { min: 0, max: MAX_RETRIES, integer: true });
}

/** The Request Timeout option (seconds) of an item, checked. */
export function requestTimeoutSOf(context: ParameterContext, itemIndex: number): number {
	const value = parameterOf(context, 'options.requestTimeout', itemIndex, DEFAULT_REQUEST_TIMEOUT_S);
	return boundedNumber(context.getNode(), itemIndex, value, 'Request Timeout', { min: 1, max: MAX_REQUEST_TIMEOUT_S });
}
