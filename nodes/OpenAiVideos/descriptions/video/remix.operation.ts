import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireText } from '../../helpers/validate';
import { checkVideoResponse } from '../../transport/routing';
import { startJob } from './start-job';
import { pathWithId, promptField, videoIdField } from '../fields';

export const remixOperation: INodePropertyOptions = {
	name: 'Remix',
	value: 'remix',
	action: 'Remix a video',
	description: 'Start a new job that changes a completed video with a new prompt',
	routing: {
		request: { method: 'POST', url: pathWithId('/videos/{id}/remix', 'videoId') },
		send: { paginate: true, preSend: [requireText('videoId', 'video ID'), requireText('prompt', 'prompt')] },
		operations: { pagination: startJob },
		output: { postReceive: checkVideoResponse('POST /videos/{video_id}/remix') },
	},
};

export const remixFields: INodeProperties[] = [
	videoIdField('ID of the completed video to remix'),
	promptField('Updated text prompt that directs the remix'),
];
