import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireId, sendRouted } from '../../transport/routing';
import { pathWithId, videoIdField } from '../fields';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a video',
	description: 'Permanently delete a completed or failed video and its files',
	routing: {
		request: { method: 'DELETE', url: pathWithId('/videos/{id}', 'videoId') },
		send: { paginate: true, preSend: [requireId('videoId', 'video ID')] },
		operations: { pagination: sendRouted('DELETE /videos/{video_id}', false, (body) => ({ deleted: true, ...body })) },
	},
};

export const deleteFields: INodeProperties[] = [videoIdField('The video to delete')];
