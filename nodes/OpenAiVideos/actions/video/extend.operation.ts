import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parameterOf, requiredText } from '../../../shared/parameters';
import type { Endpoint } from '../../helpers/endpoint';
import type { JobInput } from '../../jobs/request';
import { promptField, promptOf } from '../fields';
import { JOB_TOOL_DESCRIPTION, paidRun, waitFields, waitOptions } from '../job.fields';
import { sourceOf, videoSourceFields } from './source';

export const endpoint: Endpoint = { method: 'POST', path: '/videos/extensions', body: ['prompt', 'seconds', 'video'] };

export const option: INodePropertyOptions = {
	name: 'Extend',
	value: 'extend',
	action: 'Extend a video',
	description: 'Start a new job that continues a completed video',
};

export const toolDescription = `Continues a completed video (by its id) with a new segment that a prompt directs, ${JOB_TOOL_DESCRIPTION}`;

export const properties: INodeProperties[] = [
	promptField('Text that directs the extension'),
	{
		displayName: 'Seconds',
		name: 'seconds',
		type: 'options',
		allowArbitraryValues: true,
		options: ['4', '8', '12', '16', '20'].map((seconds) => ({ name: seconds, value: seconds })),
		default: '4',
		description: 'Length of the new segment in seconds',
	},
	...videoSourceFields('extend'),
	...waitFields,
];

export const options = waitOptions;

function inputOf(context: IExecuteFunctions, itemIndex: number): JobInput {
	const prompt = promptOf(context, itemIndex);
	const seconds = requiredText(context.getNode(), itemIndex, parameterOf(context, 'seconds', itemIndex), 'length in seconds');
	const { video, files } = sourceOf(context, itemIndex);
	return { values: { prompt, seconds, video }, files, multipart: files.length > 0 };
}

export const execute = paidRun({ endpoint, waits: true, inputOf });
