/**
 * Reading parameters, checked before any request: an expression gone wrong (null, an object, NaN, a
 * path trick) fails with a message naming the parameter instead of reaching the server.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INode, IPollFunctions } from 'n8n-workflow';

/** Where parameters are read: a node run (per item), a poll or an editor list (no items). */
export type ParameterContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** A parameter's value for an item (a Resource Locator gives its value); contexts without items ignore the index. */
export function parameterOf(context: ParameterContext, name: string, itemIndex: number, fallback: unknown = ''): unknown {
	return 'getInputData' in context
		? context.getNodeParameter(name, itemIndex, fallback, { extractValue: true })
		: context.getNodeParameter(name, fallback, { extractValue: true });
}

export class InputError extends NodeOperationError {}

function fail(node: INode, itemIndex: number, message: string, description: string): never {
	throw new InputError(node, message, { itemIndex, description });
}

/** An optional text: empty, null and undefined mean "not set"; objects and arrays are an error. */
export function optionalText(node: INode, itemIndex: number, value: unknown, label: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object') {
		fail(node, itemIndex, `The ${label} is ${Array.isArray(value) ? 'a list' : 'an object'}, not a text`, `Check the expression of the ${label}: it resolves to ${JSON.stringify(value).slice(0, 80)} for item ${itemIndex}.`);
	}
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

export function requiredText(node: INode, itemIndex: number, value: unknown, label: string): string {
	const text = optionalText(node, itemIndex, value, label);
	if (text === undefined) {
		fail(node, itemIndex, `The ${label} is empty`, `Enter a ${label}, or check that the expression for it resolves to a value for item ${itemIndex}.`);
	}
	return text;
}

/** An ID for a path segment: `.` and `..` would be normalised away by the URL, so they are refused. */
export function requiredId(node: INode, itemIndex: number, value: unknown, label: string): string {
	const id = requiredText(node, itemIndex, value, label);
	if (id === '.' || id === '..' || /^(\.|%2e){1,2}$/i.test(id)) {
		fail(node, itemIndex, `The ${label} "${id}" is not an ID`, `IDs look like video_123; "${id}" would change the URL's path. Check the expression of the ${label}.`);
	}
	return id;
}

export function idSegment(id: string): string {
	return encodeURIComponent(id);
}

export interface NumberBounds {
	min: number;
	max: number;
	integer?: boolean;
}

/** A numeric option: NaN, text, negatives, non-integers where needed and absurd values fail. */
export function boundedNumber(node: INode, itemIndex: number, value: unknown, label: string, bounds: NumberBounds, what: 'option' | 'field' = 'option'): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	const kind = bounds.integer ? 'a whole number' : 'a number';
	if (!Number.isFinite(number) || number < bounds.min || number > bounds.max || (bounds.integer && !Number.isInteger(number))) {
		fail(node, itemIndex, `The ${what} "${label}" must be ${kind} from ${bounds.min} to ${bounds.max}`, `It resolves to ${JSON.stringify(value) ?? String(value)} for item ${itemIndex}. Set it to ${kind} in that range.`);
	}
	return number;
}

/** The "Extra Query Parameters" option: name/value pairs added to the request's query. */
export function extraQueryOf(context: ParameterContext, itemIndex: number): IDataObject {
	const value = parameterOf(context, 'options.extraQuery', itemIndex, {}) as { parameter?: Array<{ name?: unknown; value?: unknown }> };
	const query: IDataObject = {};
	for (const { name, value: entry } of value?.parameter ?? []) {
		const key = String(name ?? '').trim();
		if (key) query[key] = typeof entry === 'object' && entry !== null ? JSON.stringify(entry) : String(entry ?? '');
	}
	return query;
}
