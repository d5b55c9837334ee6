/**
 * What every operation file exports, and how a resource's operations become the node's
 * properties: the Operation selector, each operation's fields, its Options collection and, in the
 * AI Agent tool variant, its editable tool description.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { extraQueryOption, maxRetriesOption, requestTimeoutOption } from '../../shared/options';
import type { Endpoint } from '../helpers/endpoint';

export interface Operation {
	/** The entry of the Operation selector (name, value, action, description). */
	option: INodePropertyOptions;
	/** The endpoint it calls, as data. */
	endpoint: Endpoint;
	/** Its fields, shown for this operation only. */
	properties: INodeProperties[];
	/** Its own entries of the Options collection (Extra Query Parameters, Max Retries and Request Timeout are added). */
	options?: INodeProperties[];
	/** What an AI Agent reads about it when the node is its tool. */
	toolDescription: string;
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
}

function shownFor(resource: string, operations: string[], property: INodeProperties): INodeProperties {
	const show = { ...property.displayOptions?.show, resource: [resource], operation: operations };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

const NO_EXTRA_OPTIONS: INodeProperties[] = [];

/**
 * The properties of a resource: its Operation selector, then each operation's fields and its
 * Options collection. A field that several operations share (the same object, e.g. Wait for
 * Completion) is one property shown for all of them, as are the Options of operations whose
 * options are the same list.
 */
export function resourceProperties(resource: string, operations: Record<string, Operation>, defaultOperation: string): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: Object.values(operations)
			.map(({ option }) => option)
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const fields = new Map<INodeProperties, string[]>();
	const options = new Map<INodeProperties[], string[]>();
	for (const [name, operation] of Object.entries(operations)) {
		for (const property of operation.properties) {
			const names = [...(fields.get(property) ?? []), name];
			// Placed where its last operation lists it: after each operation's own fields.
			fields.delete(property);
			fields.set(property, names);
		}
		const own = operation.options ?? NO_EXTRA_OPTIONS;
		options.set(own, [...(options.get(own) ?? []), name]);
	}
	const collections = [...options].map(([own, names]) =>
		shownFor(resource, names, {
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [...own, extraQueryOption, maxRetriesOption, requestTimeoutOption],
		}),
	);
	return [selector, ...[...fields].map(([property, names]) => shownFor(resource, names, property)), ...collections];
}

/** The tool variant's editable descriptions, one per operation of the resource. */
export function toolDescriptionProperties(resource: string, operations: Record<string, Operation>): INodeProperties[] {
	return Object.entries(operations).map(([name, { toolDescription }]) => ({
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: toolDescription,
		description: 'What the AI agent reads about this tool: what it does, what it returns and how long it takes',
		displayOptions: { show: { '@tool': [true], resource: [resource], operation: [name] } },
	}));
}
