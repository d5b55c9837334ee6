import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { sendAsMultipart } from '../../helpers/multipart';
import { requireText } from '../../helpers/validate';
import { checkResponse, sendWithRetries } from '../../transport/routing';
import { binaryPropertyField } from '../fields';

export const createCharacterOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a character',
	description: 'Create a reusable character from a video file',
	routing: {
		request: { method: 'POST', url: '/videos/characters' },
		send: {
			paginate: true,
			preSend: [
				requireText('name', 'character name'),
				sendAsMultipart({ part: 'video', binaryPropertyParameter: 'binaryPropertyName', kind: 'video' }),
			],
		},
		operations: { pagination: sendWithRetries('startsPaidJob') },
		output: { postReceive: [checkResponse('POST /videos/characters')] },
	},
};

export const createCharacterFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Display name of the character',
		routing: { send: { type: 'body', property: 'name' } },
	},
	binaryPropertyField(
		'binaryPropertyName',
		'Input Binary Field',
		'The binary property of the input item that holds the video of the character',
	),
];
