/** The numeric and choice options of the paid operations, checked for every item before any request. */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { DEFAULT_MAX_RETRIES, DEFAULT_REQUEST_TIMEOUT_S, MAX_REQUEST_TIMEOUT_S, MAX_RETRIES } from '../transport/limits';
import { boundedNumber } from './inputs';
import { runsAsTool } from './tool-mode';
import type { WaitSettings } from './wait';

export const DEFAULT_MAX_PARALLEL_JOBS = 20;
export const DEFAULT_WAIT_TIMEOUT_S = 900;
/** An AI Agent waits for its tool: without the option, a tool waits this long, then returns the job. */
export const TOOL_WAIT_TIMEOUT_S = 120;
const MAX_PARALLEL_JOBS = 100;
const MAX_WAIT_TIMEOUT_S = 7200;
const MAX_POLL_INTERVAL_S = 3600;

export interface ItemSettings extends WaitSettings {
	waitForCompletion: boolean;
	onTimeout: 'error' | 'returnJob';
	download?: { variant: string; propertyName: string };
}

export interface RunSettings {
	maxParallelJobs: number;
	requestTimeoutS: number;
}

function option(context: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	return context.getNodeParameter(`options.${name}`, itemIndex, fallback);
}

/** The Max Retries option of any operation, checked. */
export function checkedMaxRetries(node: INode, itemIndex: number, value: unknown): number {
	return boundedNumber(node, itemIndex, value, 'Max Retries', { min: 0, max: MAX_RETRIES, integer: true });
}

/** The Request Timeout option (seconds) of any operation, checked. */
export function checkedRequestTimeoutS(node: INode, itemIndex: number, value: unknown): number {
	return boundedNumber(node, itemIndex, value, 'Request Timeout', { min: 1, max: MAX_REQUEST_TIMEOUT_S });
}

export function maxRetriesOf(context: IExecuteFunctions, itemIndex: number): number {
	return checkedMaxRetries(context.getNode(), itemIndex, option(context, 'maxRetries', itemIndex, DEFAULT_MAX_RETRIES));
}

export function requestTimeoutSOf(context: IExecuteFunctions): number {
	return checkedRequestTimeoutS(context.getNode(), 0, option(context, 'requestTimeout', 0, DEFAULT_REQUEST_TIMEOUT_S));
}

export function runSettingsOf(context: IExecuteFunctions): RunSettings {
	const node = context.getNode();
	return {
		maxParallelJobs: boundedNumber(node, 0, option(context, 'maxParallelJobs', 0, DEFAULT_MAX_PARALLEL_JOBS), 'Max Parallel Jobs', { min: 1, max: MAX_PARALLEL_JOBS, integer: true }),
		requestTimeoutS: requestTimeoutSOf(context),
	};
}

export function itemSettingsOf(context: IExecuteFunctions, itemIndex: number, waits: boolean): ItemSettings {
	const node = context.getNode();
	const tool = runsAsTool(context);
	const waitForCompletion = waits && context.getNodeParameter('waitForCompletion', itemIndex, true) === true;
	const download = waitForCompletion && context.getNodeParameter('downloadResult', itemIndex, !tool) === true
		? {
				variant: String(context.getNodeParameter('variant', itemIndex, 'video')),
				propertyName: String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data',
			}
		: undefined;
	const onTimeout = option(context, 'onTimeout', itemIndex, tool ? 'returnJob' : 'error') === 'returnJob' ? 'returnJob' : 'error';
	const waitTimeout = option(context, 'waitTimeout', itemIndex, tool ? TOOL_WAIT_TIMEOUT_S : DEFAULT_WAIT_TIMEOUT_S);
	return {
		waitForCompletion,
		download,
		onTimeout,
		maxRetries: maxRetriesOf(context, itemIndex),
		pollIntervalMs: waits ? boundedNumber(node, itemIndex, option(context, 'pollInterval', itemIndex, 10), 'Poll Interval', { min: 1, max: MAX_POLL_INTERVAL_S }) * 1000 : 10_000,
		timeoutMs: waits ? boundedNumber(node, itemIndex, waitTimeout, 'Wait Timeout', { min: 1, max: MAX_WAIT_TIMEOUT_S }) * 1000 : 0,
	};
}
