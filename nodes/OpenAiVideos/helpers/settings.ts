/**
 * The node's settings, parsed and checked once, before any request. Which are per run and which per
 * item is decided here and nowhere else:
 * - per run (read from the first item, since they shape the run itself): Request Timeout (the
 *   connection all requests of the run share), Max Parallel Jobs, and the Extra Query Parameters of
 *   the shared list poll that checks several waiting jobs at once;
 * - per item: everything else (Max Retries, Extra Query Parameters of the item's own requests,
 *   Extra Body Fields, waiting and downloading).
 */
import { jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxRetriesOf, requestTimeoutSOf } from '../../shared/options';
import { boundedNumber, extraQueryOf, InputError, parameterOf } from '../../shared/parameters';
import { runsAsTool } from './tool-mode';

export const DEFAULT_MAX_PARALLEL_JOBS = 20;
export const MAX_PARALLEL_JOBS = 100;
export const DEFAULT_POLL_INTERVAL_S = 10;
export const MAX_POLL_INTERVAL_S = 3600;
export const DEFAULT_WAIT_TIMEOUT_S = 900;
export const MAX_WAIT_TIMEOUT_S = 7200;
/** An AI Agent waits for its tool: without the option, a tool waits this long, then returns the job. */
export const TOOL_WAIT_TIMEOUT_S = 120;
export const PROMPT_MAX_LENGTH = 32_000;

export interface RunSettings {
	requestTimeoutS: number;
	maxParallelJobs: number;
	/** The Extra Query Parameters of the list poll that checks several jobs at once. */
	sharedQuery: IDataObject;
}

export interface ItemSettings {
	maxRetries: number;
	/** The item's Extra Query Parameters. */
	query: IDataObject;
}

export interface WaitSettings {
	pollIntervalMs: number;
	timeoutMs: number;
	maxRetries: number;
	/** The item's Extra Query Parameters, for its own status checks. */
	query: IDataObject;
}

export interface JobSettings extends ItemSettings, WaitSettings {
	/** The item's Extra Body Fields. */
	extraBody: IDataObject;
	waitForCompletion: boolean;
	onTimeout: 'error' | 'returnJob';
	download?: { variant: string; propertyName: string };
}

/** An entry of the Options collection (never a Resource Locator; an option an operation lacks gives the fallback). */
function option(context: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	return context.getNodeParameter(`options.${name}`, itemIndex, fallback);
}

export function runSettingsOf(context: IExecuteFunctions): RunSettings {
	const value = option(context, 'maxParallelJobs', 0, DEFAULT_MAX_PARALLEL_JOBS);
	return {
		requestTimeoutS: requestTimeoutSOf(context, 0),
		maxParallelJobs: boundedNumber(context.getNode(), 0, value, 'Max Parallel Jobs', { min: 1, max: MAX_PARALLEL_JOBS, integer: true }),
		sharedQuery: extraQueryOf(context, 0),
	};
}

export function itemSettingsOf(context: IExecuteFunctions, itemIndex: number): ItemSettings {
	return { maxRetries: maxRetriesOf(context, itemIndex), query: extraQueryOf(context, itemIndex) };
}

/** The "Extra Body Fields" option: a JSON object whose keys are added to the body. */
export function extraBodyOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = option(context, 'extraBody', itemIndex, '{}');
	const parsed = typeof value === 'string' ? (value.trim() === '' ? {} : jsonParse<unknown>(value, { fallbackValue: undefined })) : value;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputError(context.getNode(), 'The option "Extra Body Fields" is not a JSON object', {
			itemIndex,
			description: 'Give an object such as {"negative_prompt": "blurry"}; its keys are added to the request body.',
		});
	}
	return parsed as IDataObject;
}

/** The settings of an item of a paid operation; `waits` for the operations that can wait for their job. */
export function jobSettingsOf(context: IExecuteFunctions, itemIndex: number, waits: boolean): JobSettings {
	const node = context.getNode();
	const tool = runsAsTool(context);
	const waitForCompletion = waits && parameterOf(context, 'waitForCompletion', itemIndex, true) === true;
	const download =
		waitForCompletion && parameterOf(context, 'downloadResult', itemIndex, !tool) === true
			? {
					variant: String(parameterOf(context, 'variant', itemIndex, 'video')),
					propertyName: String(parameterOf(context, 'binaryPropertyName', itemIndex, 'data')).trim() || 'data',
				}
			: undefined;
	const onTimeout = option(context, 'onTimeout', itemIndex, tool ? 'returnJob' : 'error') === 'returnJob' ? 'returnJob' : 'error';
	const waitTimeout = option(context, 'waitTimeout', itemIndex, tool ? TOOL_WAIT_TIMEOUT_S : DEFAULT_WAIT_TIMEOUT_S);
	const pollInterval = option(context, 'pollInterval', itemIndex, DEFAULT_POLL_INTERVAL_S);
	return {
		...itemSettingsOf(context, itemIndex),
		extraBody: extraBodyOf(context, itemIndex),
		waitForCompletion,
		download,
		onTimeout,
		pollIntervalMs: waits ? boundedNumber(node, itemIndex, pollInterval, 'Poll Interval', { min: 1, max: MAX_POLL_INTERVAL_S }) * 1000 : DEFAULT_POLL_INTERVAL_S * 1000,
		timeoutMs: waits ? boundedNumber(node, itemIndex, waitTimeout, 'Wait Timeout', { min: 1, max: MAX_WAIT_TIMEOUT_S }) * 1000 : 0,
	};
}
