/**
 * Routing for the custom operations, for the one caller that skips customOperations: n8n runs a
 * tool that is called as a sub-node (MCP Server Trigger, AI Agent before 3.0) through the node
 * type's `execute`, which for a declarative node is a RoutingNode. There each item (a tool call
 * has one) runs its custom operation alone. The workflow engine, AI Agent 3.x's tool calls
 * included, calls customOperations itself and never reaches this routing.
 */
import type {
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { pairWithInput } from '../transport/routing';

export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
export type CustomOperations = Record<string, Record<string, CustomOperation>>;

/**
 * The item's context as the IExecuteFunctions of a run with that one item. It hides
 * `getItemIndex`, by which helpers tell a single-item context (parameters without an index) apart.
 */
function asRunOfOneItem(single: IExecutePaginationFunctions): IExecuteFunctions {
	const { helpers } = single;
	const adapted: Record<string, unknown> = {
		getInputData: () => [single.getInputData()],
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown, options?: IGetNodeParameterOptions) =>
			single.getNodeParameter(name, fallback, options),
		helpers: {
			...helpers,
			assertBinaryData: (_itemIndex: number, propertyName: string) => helpers.assertBinaryData(propertyName),
			getBinaryDataBuffer: async (_itemIndex: number, propertyName: string) => await helpers.getBinaryDataBuffer(propertyName),
		},
	};
	const hidden = 'getItemIndex';
	return new Proxy(single, {
		has: (target, key) => key !== hidden && (key in adapted || key in target),
		get(target, key) {
			if (typeof key === 'string' && key in adapted) return adapted[key];
			if (key === hidden) return undefined;
			const value: unknown = Reflect.get(target, key);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	}) as unknown as IExecuteFunctions;
}

function routingOf(operation: CustomOperation): INodePropertyOptions['routing'] {
	return {
		// Never sent: the pagination hook below does the work.
		request: { method: 'GET', url: '=/videos' },
		send: { paginate: true },
		operations: {
			async pagination(this: IExecutePaginationFunctions) {
				const [items = []] = await operation.call(asRunOfOneItem(this));
				return pairWithInput(this, items);
			},
		},
	};
}

/** The properties with routing added to every operation option that is a custom operation. */
export function withSubNodeRouting(properties: INodeProperties[], operations: CustomOperations): INodeProperties[] {
	return properties.map((property) => {
		const resource = property.displayOptions?.show?.resource?.[0];
		const ofResource = typeof resource === 'string' ? operations[resource] : undefined;
		if (property.name !== 'operation' || !ofResource) return property;
		const options = (property.options as INodePropertyOptions[]).map((option) => {
			const operation = ofResource[String(option.value)];
			return operation ? { ...option, routing: routingOf(operation) } : option;
		});
		return { ...property, options };
	});
}
