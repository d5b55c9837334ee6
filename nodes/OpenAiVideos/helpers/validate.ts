import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

/** preSend: fails before any request when a required text parameter is empty. */
export function requireText(parameterName: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameterName, '') as unknown;
		if (String(value ?? '').trim() === '') {
			throw new NodeOperationError(this.getNode(), `The ${label} is empty`, {
				itemIndex: this.getItemIndex(),
				description: `Enter a ${label}, or check that the expression for it resolves to a value for this item.`,
			});
		}
		return options;
	};
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Removes optional fields left empty so they are not sent; drops objects that end up empty. */
export function withoutEmptyFields(body: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (isEmpty(value)) continue;
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const nested = withoutEmptyFields(value as IDataObject);
			if (Object.keys(nested).length) result[key] = nested;
		} else {
			result[key] = typeof value === 'string' ? value.trim() : value;
		}
	}
	return result;
}

/** preSend: optional fields left empty are not sent. */
export async function omitEmptyFields(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (options.body && typeof options.body === 'object' && !(options.body instanceof FormData)) {
		options.body = withoutEmptyFields(options.body as IDataObject);
	}
	if (options.qs) options.qs = withoutEmptyFields(options.qs);
	return options;
}
