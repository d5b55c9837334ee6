import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireId, sendRouted } from '../../transport/routing';
import { pathWithId, videoIdField } from '../fields';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a video',
	description: 'Retrieve the status and metadata of a video job',
	routing: {
		request: { method: 'GET', url: pathWithId('/videos/{id}', 'videoId') },
		send: { paginate: true, preSend: [requireId('videoId', 'video ID')] },
		operations: { pagination: sendRouted('GET /videos/{video_id}', true) },
	},
};

export const getFields: INodeProperties[] = [videoIdField('The video job to retrieve')];
