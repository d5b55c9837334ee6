/** Per-server extras: fields merged into a job's body and query parameters added to a request. */
import { jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { InputError } from './inputs';

type ParameterContext = IExecuteFunctions | IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions;

function optionOf(context: ParameterContext, name: string, itemIndex: number, fallback: unknown): unknown {
	return 'getItemIndex' in context || !('getInputData' in context)
		? (context as IExecuteSingleFunctions).getNodeParameter(name, fallback)
		: (context as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback);
}

/** The "Extra Body Fields" option: a JSON object whose keys are added to the body. */
export function extraBodyOf(context: ParameterContext, itemIndex: number): IDataObject {
	const value = optionOf(context, 'options.extraBody', itemIndex, '{}');
	const parsed = typeof value === 'string' ? (value.trim() === '' ? {} : jsonParse<unknown>(value, { fallbackValue: undefined })) : value;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputError(context.getNode(), 'The option "Extra Body Fields" is not a JSON object', {
			itemIndex,
			description: 'Give an object such as {"negative_prompt": "blurry"}; its keys are added to the request body.',
		});
	}
	return parsed as IDataObject;
}

/** The "Extra Query Parameters" option: name/value pairs added to the request's query. */
export function extraQueryOf(context: ParameterContext, itemIndex: number): IDataObject {
	const value = optionOf(context, 'options.extraQuery', itemIndex, {}) as { parameter?: Array<{ name?: unknown; value?: unknown }> };
	const query: IDataObject = {};
	for (const { name, value: entry } of value?.parameter ?? []) {
		const key = String(name ?? '').trim();
		if (key) query[key] = typeof entry === 'object' && entry !== null ? JSON.stringify(entry) : String(entry ?? '');
	}
	return query;
}
