import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireText, omitEmptyFields } from '../../helpers/validate';
import { sendAsMultipart } from '../../helpers/multipart';
import { checkVideoResponse } from '../../transport/routing';
import { startJob } from './start-job';
import { promptField } from '../fields';

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a video',
	description: 'Start a video generation job from a prompt and an optional reference image',
	routing: {
		request: { method: 'POST', url: '/videos' },
		send: { paginate: true, preSend: [requireText('prompt', 'prompt'), omitEmptyFields] },
		operations: { pagination: startJob },
		output: { postReceive: checkVideoResponse('POST /videos') },
	},
};

const KNOWN_MODELS = ['sora-2', 'sora-2-pro', 'sora-2-2025-10-06', 'sora-2-pro-2025-10-06', 'sora-2-2025-12-08'];

export const createFields: INodeProperties[] = [
	promptField('Text that describes the video to generate'),
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		allowArbitraryValues: true,
		options: KNOWN_MODELS.map((model) => ({ name: model, value: model })),
		default: 'sora-2',
		description:
			'The model to use. Any other model or deployment name (Azure, LiteLLM, vLLM-Omni…) can be given with an expression.',
		routing: { send: { type: 'body', property: 'model' } },
	},
	{
		displayName: 'Seconds',
		name: 'seconds',
		type: 'options',
		allowArbitraryValues: true,
		options: [
			{ name: 'Server Default', value: '' },
			{ name: '4', value: '4' },
			{ name: '8', value: '8' },
			{ name: '12', value: '12' },
		],
		default: '',
		description: 'Clip duration in seconds. Other durations a server accepts can be given with an expression.',
		routing: { send: { type: 'body', property: 'seconds', value: '={{ String($value) }}' } },
	},
	{
		displayName: 'Size',
		name: 'size',
		type: 'options',
		allowArbitraryValues: true,
		options: [
			{ name: 'Server Default', value: '' },
			{ name: '720x1280 (Portrait)', value: '720x1280' },
			{ name: '1280x720 (Landscape)', value: '1280x720' },
			{ name: '1024x1792 (Portrait, Pro)', value: '1024x1792' },
			{ name: '1792x1024 (Landscape, Pro)', value: '1792x1024' },
		],
		default: '',
		description: 'Output resolution as width x height. Other sizes a server accepts can be given with an expression.',
		routing: { send: { type: 'body', property: 'size' } },
	},
	{
		displayName: 'Reference',
		name: 'referenceType',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{
				name: 'Image From Binary Field',
				value: 'binary',
				routing: {
					send: {
						preSend: [
							sendAsMultipart({
								part: 'input_reference',
								binaryPropertyParameter: 'referenceBinaryPropertyName',
								kind: 'image',
							}),
						],
					},
				},
			},
			{
				name: 'Image URL',
				value: 'imageUrl',
				routing: { send: { preSend: [requireText('imageUrl', 'image URL')] } },
			},
			{
				name: 'File ID',
				value: 'fileId',
				routing: { send: { preSend: [requireText('fileId', 'file ID')] } },
			},
		],
		default: 'none',
		description: 'An optional image that guides the first frame of the video',
	},
	{
		displayName: 'Input Binary Field',
		name: 'referenceBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the reference image',
		description: 'The binary property of the input item that holds the reference image (PNG, JPEG or WebP)',
		displayOptions: { show: { referenceType: ['binary'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/first-frame.png',
		description: 'A fully qualified URL or a base64 data URL of the reference image',
		displayOptions: { show: { referenceType: ['imageUrl'] } },
		routing: { send: { type: 'body', property: 'input_reference.image_url' } },
	},
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		placeholder: 'file-abc123',
		description: 'The ID of an uploaded file to use as the reference image',
		displayOptions: { show: { referenceType: ['fileId'] } },
		routing: { send: { type: 'body', property: 'input_reference.file_id' } },
	},
];
