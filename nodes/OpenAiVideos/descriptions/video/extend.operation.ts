import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireText } from '../../helpers/validate';
import { checkVideoResponse } from '../../transport/routing';
import { startJob } from './start-job';
import { promptField } from '../fields';
import { videoSourceFields } from './source';

export const extendOperation: INodePropertyOptions = {
	name: 'Extend',
	value: 'extend',
	action: 'Extend a video',
	description: 'Start a new job that continues a completed video',
	routing: {
		request: { method: 'POST', url: '/videos/extensions' },
		send: { paginate: true, preSend: [requireText('prompt', 'prompt'), requireText('seconds', 'length in seconds')] },
		operations: { pagination: startJob },
		output: { postReceive: checkVideoResponse('POST /videos/extensions') },
	},
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
		routing: { send: { type: 'body', property: 'seconds', value: '={{ String($value) }}' } },
	},
	...videoSourceFields('extend'),
];
