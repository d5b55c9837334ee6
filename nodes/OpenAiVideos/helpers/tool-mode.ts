/**
 * Whether the node runs as an AI Agent's tool. n8n loads every `usableAsTool` node a second time
 * as `<package>.<node>Tool` (output `ai_tool`) and runs that type when an agent calls it: through
 * an engine request (AI Agent 3.x, `rewireOutputLogTo` = `ai_tool`) or as a sub-node.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

export function runsAsTool(context: { getNode(): INode }): boolean {
	const node = context.getNode();
	return node.type.endsWith('Tool') || node.rewireOutputLogTo === NodeConnectionTypes.AiTool;
}
