import { RoutingNode } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import type { IExecuteFunctions, INodeType, INodeTypes } from 'n8n-workflow';

/**
 * The node types of one test workflow. Declarative types get the `execute` that n8n's CLI gives
 * them: a RoutingNode run on the node's execution context.
 */
export function nodeTypesOf(types: Record<string, INodeType>): INodeTypes {
	const executable = (type: INodeType): INodeType => {
		if (type.execute || type.poll || type.trigger || type.webhook) return type;
		return Object.assign(Object.create(type) as INodeType, {
			async execute(this: IExecuteFunctions) {
				return await new RoutingNode(this as unknown as ExecuteContext, type).runNode();
			},
		});
	};
	const byName = (name: string) => {
		const type = types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return executable(type);
	};
	return {
		getByName: byName,
		getByNameAndVersion: byName,
		getKnownTypes: () => ({}),
	};
}
