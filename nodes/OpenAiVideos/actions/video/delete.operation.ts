import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport/retry';
import { runEachItem } from '../../helpers/each-item';
import { requestTo, type Endpoint } from '../../helpers/endpoint';
import { videoIdField, videoIdOf } from '../fields';

export const endpoint: Endpoint = { method: 'DELETE', path: '/videos/{video_id}' };

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a video',
	description: 'Permanently delete a completed or failed video and its files',
};

export const toolDescription = 'Deletes a completed or failed video and its files by its id, in about a second; answers with deleted: true.';

export const properties: INodeProperties[] = [videoIdField('The video to delete')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runEachItem(this, {
		inputOf: (itemIndex) => videoIdOf(this, itemIndex),
		run: async (id, connection, { maxRetries, query }) => {
			const { body } = await apiRequest(connection, requestTo(endpoint, { video_id: id }, { qs: query }), 'idempotent', maxRetries);
			// `{deleted: true}` with the server's own fields; an empty answer (204) gives the video's ID.
			const answered = body && typeof body === 'object' ? (body as IDataObject) : body === null || body === undefined || body === '' ? { id } : { response: body as string };
			return [{ json: { deleted: true, ...answered } }];
		},
	});
}
