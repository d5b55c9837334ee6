import type { IDataObject, IExecutePaginationFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireId, sendRouted } from '../../transport/routing';
import { pathWithId, videoIdField } from '../fields';

/** `{deleted: true}` with the server's own fields; an empty answer (204) gives the video's ID. */
function deletedOutput(body: IDataObject, context: IExecutePaginationFunctions): IDataObject {
	const empty = Object.keys(body).length === 1 && (body.response === null || body.response === '');
	const id = String(context.getNodeParameter('videoId', '', { extractValue: true })).trim();
	return { deleted: true, ...(empty ? { id } : body) };
}

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a video',
	description: 'Permanently delete a completed or failed video and its files',
	routing: {
		request: { method: 'DELETE', url: pathWithId('/videos/{id}', 'videoId') },
		send: { paginate: true, preSend: [requireId('videoId', 'video ID')] },
		operations: { pagination: sendRouted('DELETE /videos/{video_id}', false, deletedOutput) },
	},
};

export const deleteFields: INodeProperties[] = [videoIdField('The video to delete')];
