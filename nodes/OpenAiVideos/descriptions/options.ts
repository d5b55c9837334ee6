import type { INodeProperties } from 'n8n-workflow';

import { extraQueryOption, maxRetriesOption, requestTimeoutOption } from './fields';

/** Shows the fields only for the given resource and operations, keeping their own conditions. */
export function forOperations(resource: string, operations: string[], fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, resource: [resource], operation: operations },
		},
	}));
}

/** The "Options" collection of some operations of a resource. */
export function optionsCollection(resource: string, operations?: string[], extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: [resource], ...(operations ? { operation: operations } : {}) } },
		options: [...extra, extraQueryOption, maxRetriesOption, requestTimeoutOption],
	};
}
