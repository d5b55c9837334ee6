import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireText } from '../../helpers/validate';
import { checkResponse, sendWithRetries } from '../../transport/routing';
import { pathWithId, videoIdField } from '../fields';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a video',
	description: 'Permanently delete a completed or failed video and its files',
	routing: {
		request: { method: 'DELETE', url: pathWithId('/videos/{id}', 'videoId') },
		send: { paginate: true, preSend: [requireText('videoId', 'video ID')] },
		operations: { pagination: sendWithRetries('idempotent') },
		output: { postReceive: [checkResponse('DELETE /videos/{video_id}')] },
	},
};

export const deleteFields: INodeProperties[] = [videoIdField('ID of the video to delete')];
