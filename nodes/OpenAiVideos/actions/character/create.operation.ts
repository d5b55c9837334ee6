import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parameterOf, requiredText } from '../../../shared/parameters';
import type { Endpoint } from '../../helpers/endpoint';
import type { JobInput } from '../../jobs/request';
import { binaryFieldOf, binaryPropertyField } from '../fields';
import { jobOptions, paidRun } from '../job.fields';

export const endpoint: Endpoint = { method: 'POST', path: '/videos/characters', body: ['name'] };

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a character',
	description: 'Create a reusable character from a video file',
};

export const toolDescription = 'Creates a reusable character from the video file of the input item and returns it (id, name) in a few seconds.';

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Display name of the character',
	},
	binaryPropertyField('binaryPropertyName', 'Input Binary Field', 'The binary field of the input item that holds the video of the character'),
];

export const options = jobOptions;

function inputOf(context: IExecuteFunctions, itemIndex: number): JobInput {
	const name = requiredText(context.getNode(), itemIndex, parameterOf(context, 'name', itemIndex), 'character name');
	const file = { part: 'video', propertyName: binaryFieldOf(context, itemIndex, 'binaryPropertyName'), kind: 'video' as const };
	return { values: { name }, files: [file], multipart: true };
}

export const execute = paidRun({ endpoint, waits: false, inputOf });
