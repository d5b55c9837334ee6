import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { promptField } from '../fields';

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a video',
	description: 'Start a video generation job from a prompt and an optional reference image',
};

export const createFields: INodeProperties[] = [
	promptField('Text that describes the video to generate'),
	{
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		default: { mode: 'list', value: 'sora-2' },
		description: 'The model to use. Empty sends none, so the server picks its default.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a model...',
				typeOptions: { searchListMethod: 'searchModels', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. sora-2-pro',
				hint: 'Any model or deployment name the server takes (Azure, LiteLLM, vLLM-Omni…)',
			},
		],
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
	},
	{
		displayName: 'Size',
		name: 'size',
		type: 'options',
		allowArbitraryValues: true,
		options: [
			{ name: '1024x1792 (Portrait, Pro)', value: '1024x1792' },
			{ name: '1280x720 (Landscape)', value: '1280x720' },
			{ name: '1792x1024 (Landscape, Pro)', value: '1792x1024' },
			{ name: '720x1280 (Portrait)', value: '720x1280' },
			{ name: 'Server Default', value: '' },
		],
		default: '',
		description: 'Output resolution as width x height. Other sizes a server accepts can be given with an expression.',
	},
	{
		displayName: 'Reference',
		name: 'referenceType',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Image From Binary Field', value: 'binary' },
			{ name: 'Image URL', value: 'imageUrl' },
			{ name: 'File ID', value: 'fileId' },
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
		description: 'The binary field of the input item that holds the reference image (PNG, JPEG or WebP)',
		displayOptions: { show: { referenceType: ['binary'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/first-frame.png',
		description: 'A fully qualified URL or a base64 data URL of the reference image',
		displayOptions: { show: { referenceType: ['imageUrl'] } },
	},
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		placeholder: 'e.g. file-abc123',
		description: 'The ID of an uploaded file to use as the reference image',
		displayOptions: { show: { referenceType: ['fileId'] } },
	},
];
