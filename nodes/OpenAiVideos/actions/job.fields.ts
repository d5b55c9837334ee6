/** Fields and options of the operations that start a paid job. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_MAX_PARALLEL_JOBS,
	DEFAULT_POLL_INTERVAL_S,
	DEFAULT_WAIT_TIMEOUT_S,
	MAX_PARALLEL_JOBS,
	MAX_POLL_INTERVAL_S,
	MAX_WAIT_TIMEOUT_S,
	TOOL_WAIT_TIMEOUT_S,
} from '../helpers/settings';
import { runPaidOperation } from '../jobs/run';
import type { PaidOperation } from '../jobs/request';
import { outputBinaryPropertyField, variantField } from './fields';

/** What an AI Agent reads about the operations that start a job, after what the operation does. */
export const JOB_TOOL_DESCRIPTION =
	'and returns the new video job as JSON (id, status, progress, model, seconds, size, error). Generating a video takes about 1 to 10 minutes. ' +
	`Unless configured otherwise, this tool waits up to ${TOOL_WAIT_TIMEOUT_S} seconds for the job and returns its latest state: ` +
	'while the status is queued or in_progress the video is not ready yet, so report its id. The video file itself is never returned.';

/** The run of a paid operation: every item through the job runner (jobs/run.ts). */
export function paidRun(operation: PaidOperation) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPaidOperation(this, operation);
	};
}

/** Fields of the operations that can wait for their job (Create, Remix, Edit, Extend). */
export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until the video is completed or failed before going on',
	},
	{
		displayName: 'Download Result',
		name: 'downloadResult',
		type: 'boolean',
		default: true,
		description: 'Whether to attach the finished file as binary data',
		displayOptions: { show: { waitForCompletion: [true], '@tool': [false] } },
	},
	// As an AI Agent's tool: off unless turned on, since the agent receives only the JSON, never the file.
	{
		displayName: 'Download Result',
		name: 'downloadResult',
		type: 'boolean',
		default: false,
		description: 'Whether to attach the finished file as binary data. The agent receives only the JSON, never the file, so only turn this on to keep the file in the execution.',
		displayOptions: { show: { waitForCompletion: [true], '@tool': [true] } },
	},
	{
		...variantField,
		displayOptions: { show: { waitForCompletion: [true], downloadResult: [true] } },
	},
	{
		...outputBinaryPropertyField,
		displayOptions: { show: { waitForCompletion: [true], downloadResult: [true] } },
	},
];

export const extraBodyOption: INodeProperties = {
	displayName: 'Extra Body Fields',
	name: 'extraBody',
	type: 'json',
	default: '{}',
	description: 'A JSON object whose keys are added to the request body (as form fields in multipart), for what one server takes, e.g. {"negative_prompt": "blurry"}',
};

export const maxParallelJobsOption: INodeProperties = {
	displayName: 'Max Parallel Jobs',
	name: 'maxParallelJobs',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_JOBS },
	default: DEFAULT_MAX_PARALLEL_JOBS,
	description: 'How many items of this run are started and waited for at once; the others wait their turn',
};

/** The options of every paid operation. */
export const jobOptions: INodeProperties[] = [extraBodyOption, maxParallelJobsOption];

/** The options of the operations that can wait for their job. */
export const waitOptions: INodeProperties[] = [
	...jobOptions,
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_POLL_INTERVAL_S },
		default: DEFAULT_POLL_INTERVAL_S,
		description: 'Seconds between status checks when the server does not say when to check again',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_WAIT_TIMEOUT_S },
		default: DEFAULT_WAIT_TIMEOUT_S,
		description: `How long to wait for the job at most. Without this option an AI Agent's tool waits ${TOOL_WAIT_TIMEOUT_S} s.`,
	},
	{
		displayName: 'On Timeout',
		name: 'onTimeout',
		type: 'options',
		options: [
			{ name: 'Fail with the Job ID', value: 'error' },
			{ name: 'Return Job', value: 'returnJob', description: 'Output the latest state of the job and go on' },
		],
		default: 'error',
		description: "What to do when the job is still running at the timeout. Without this option an AI Agent's tool returns the job.",
	},
];
