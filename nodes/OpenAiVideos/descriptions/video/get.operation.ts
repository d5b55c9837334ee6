import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireText } from '../../helpers/validate';
import { checkVideoResponse, sendWithRetries } from '../../transport/routing';
import { pathWithId, videoIdField } from '../fields';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a video',
	description: 'Retrieve the status and metadata of a video job',
	routing: {
		request: { method: 'GET', url: pathWithId('/videos/{id}', 'videoId') },
		send: { paginate: true, preSend: [requireText('videoId', 'video ID')] },
		operations: { pagination: sendWithRetries('idempotent') },
		output: { postReceive: checkVideoResponse('GET /videos/{video_id}') },
	},
};

export const getFields: INodeProperties[] = [videoIdField('ID of the video job')];
