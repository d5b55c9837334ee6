import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { checkResponse, followCursor } from '../../transport/routing';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many videos',
	description: 'List the video jobs of the account, newest first by default',
	routing: {
		request: { method: 'GET', url: '/videos' },
		send: { paginate: true },
		operations: { pagination: followCursor },
		output: { postReceive: [checkResponse('GET /videos')] },
	},
};

export const getAllFields: INodeProperties[] = [
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
		typeOptions: { minValue: 1 },
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
		routing: { send: { type: 'query', property: 'order' } },
	},
];
