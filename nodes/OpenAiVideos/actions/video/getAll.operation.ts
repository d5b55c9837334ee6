import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { boundedNumber, parameterOf } from '../../../shared/parameters';
import { LIST_PAGE_SIZE, walkVideoPages } from '../../../shared/video-list';
import { runEachItem } from '../../helpers/each-item';
import type { Endpoint } from '../../helpers/endpoint';

/** Sent through the shared pager (nodes/shared/video-list.ts), which Get Many, the pickers, waiting and the trigger use. */
export const endpoint: Endpoint = { method: 'GET', path: '/videos' };

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many videos',
	description: 'List the video jobs of the account, newest first by default',
};

export const toolDescription = 'Lists recent video jobs (id, status, progress, prompt, created_at), newest first, in a few seconds.';

export const MAX_LIMIT = 1_000_000;

export const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Order',
		name: 'order',
		type: 'options',
		options: [
			{ name: 'Newest First', value: 'desc' },
			{ name: 'Oldest First', value: 'asc' },
		],
		default: 'desc',
		description: 'Sort order by creation time',
	},
];

/** Return All follows the list to its end; a Limit asks for no more than it still needs. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runEachItem(this, {
		inputOf: (itemIndex) => {
			const returnAll = parameterOf(this, 'returnAll', itemIndex, false) === true;
			const limit = () => parameterOf(this, 'limit', itemIndex, 50);
			return {
				wanted: returnAll ? Infinity : boundedNumber(this.getNode(), itemIndex, limit(), 'Limit', { min: 1, max: MAX_LIMIT, integer: true }, 'field'),
				order: String(parameterOf(this, 'order', itemIndex, 'desc')),
			};
		},
		run: async ({ wanted, order }, connection, { maxRetries, query }) => {
			const items: INodeExecutionData[] = [];
			await walkVideoPages(connection, { order, query, maxRetries }, {
				pageSize: () => Math.min(LIST_PAGE_SIZE, wanted - items.length),
				take: ({ videos }) => {
					for (const video of videos) if (items.length < wanted) items.push({ json: video });
					return items.length >= wanted;
				},
			});
			return items;
		},
	});
}
