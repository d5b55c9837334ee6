import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport/retry';
import { runEachItem } from '../../helpers/each-item';
import { endpointLabel, requestTo, type Endpoint } from '../../helpers/endpoint';
import { expectVideoJob } from '../../jobs/job-errors';
import { videoIdField, videoIdOf } from '../fields';

export const endpoint: Endpoint = { method: 'GET', path: '/videos/{video_id}' };

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a video',
	description: 'Retrieve the status and metadata of a video job',
};

export const toolDescription = 'Returns the current state of a video job by its id (status, progress, error, prompt) in about a second. Use it to check on a job that was still running.';

export const properties: INodeProperties[] = [videoIdField('The video job to retrieve')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runEachItem(this, {
		inputOf: (itemIndex) => videoIdOf(this, itemIndex),
		run: async (videoId, connection, { maxRetries, query }) => {
			const { body } = await apiRequest(connection, requestTo(endpoint, { video_id: videoId }, { qs: query }), 'idempotent', maxRetries);
			expectVideoJob(this.getNode(), endpointLabel(endpoint), body);
			return [{ json: body as IDataObject }];
		},
	});
}
