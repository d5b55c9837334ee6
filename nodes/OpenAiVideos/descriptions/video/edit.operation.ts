import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireText } from '../../helpers/validate';
import { checkVideoResponse } from '../../transport/routing';
import { startJob } from './start-job';
import { promptField } from '../fields';
import { videoSourceFields } from './source';

export const editOperation: INodePropertyOptions = {
	name: 'Edit',
	value: 'edit',
	action: 'Edit a video',
	description: 'Start a new job that edits a completed video or an uploaded video file',
	routing: {
		request: { method: 'POST', url: '/videos/edits' },
		send: { paginate: true, preSend: [requireText('prompt', 'prompt')] },
		operations: { pagination: startJob },
		output: { postReceive: checkVideoResponse('POST /videos/edits') },
	},
};

export const editFields: INodeProperties[] = [
	promptField('Text that describes how to edit the source video'),
	...videoSourceFields('edit'),
];
