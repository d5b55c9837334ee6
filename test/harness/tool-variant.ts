/**
 * The AI Agent tool variant of a node as n8n builds it (`convertNodeToAiTool` in the n8n package,
 * which this project does not depend on): a copy of a `usableAsTool` node type named
 * `<name>Tool` with no inputs and one `ai_tool` output. n8n also adds a generic Tool Description
 * to nodes that have none; ours brings its own, so that step is left out.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { OpenAiVideos } from '../../nodes/OpenAiVideos/OpenAiVideos.node';
import { NODE_TYPE } from './run-node';

export const TOOL_TYPE = `${NODE_TYPE}Tool`;

export function toolVariantOf(type: INodeType): INodeType {
	const { usableAsTool, ...base } = type.description;
	if (!usableAsTool) throw new Error(`${type.description.name} is not usable as a tool`);
	if (!base.properties.some((property) => property.name === 'toolDescription')) {
		throw new Error('This emulation expects the node to bring its own toolDescription');
	}
	const description: INodeTypeDescription = {
		...base,
		name: `${base.name}Tool`,
		displayName: `${base.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
	};
	return Object.assign(Object.create(type) as INodeType, { description });
}

export const openAiVideosTool = () => toolVariantOf(new OpenAiVideos());
