import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_PARALLEL_JOBS, DEFAULT_WAIT_TIMEOUT_S, TOOL_WAIT_TIMEOUT_S } from '../../helpers/job-settings';
import { outputBinaryPropertyField, variantField } from '../fields';

/** Fields of the operations that start a job (Create, Remix, Edit, Extend). */
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
	typeOptions: { minValue: 1, maxValue: 100 },
	default: DEFAULT_MAX_PARALLEL_JOBS,
	description: 'How many items of this run are started and waited for at once; the others wait their turn',
};

export const waitOptions: INodeProperties[] = [
	{
		displayName: 'Send as Multipart',
		name: 'sendAsMultipart',
		type: 'boolean',
		default: false,
		description: 'Whether to send the request as multipart/form-data even without a file, for servers that refuse JSON (e.g. vLLM-Omni)',
		displayOptions: { show: { '/operation': ['create'] } },
	},
	extraBodyOption,
	maxParallelJobsOption,
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'Seconds between status checks when the server does not say when to check again',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 7200 },
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
