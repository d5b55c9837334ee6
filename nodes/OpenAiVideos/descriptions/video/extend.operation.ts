import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { promptField } from '../fields';
import { videoSourceFields } from './source';

export const extendOperation: INodePropertyOptions = {
	name: 'Extend',
	value: 'extend',
	action: 'Extend a video',
	description: 'Start a new job that continues a completed video',
};

export const extendFields: INodeProperties[] = [
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
];
