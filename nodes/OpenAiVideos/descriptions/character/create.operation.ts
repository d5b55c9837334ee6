import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../fields';

export const createCharacterOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a character',
	description: 'Create a reusable character from a video file',
};

export const createCharacterFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Display name of the character',
	},
	binaryPropertyField(
		'binaryPropertyName',
		'Input Binary Field',
		'The binary field of the input item that holds the video of the character',
	),
];
