/**
 * The node's one way in: every run (regular, Continue On Fail / error output, Retry On Fail, AI
 * Agent tool, MCP and other sub-node runs) calls `execute`, which hands the items to the operation
 * the Resource and Operation selectors name.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as character from './character';
import type { Operation } from './operation';
import * as video from './video';

export const resources: Record<string, Record<string, Operation>> = {
	video: video.operations,
	character: character.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = String(this.getNodeParameter('resource', 0));
	const operation = String(this.getNodeParameter('operation', 0));
	const action = Object.hasOwn(resources, resource) && Object.hasOwn(resources[resource], operation) ? resources[resource][operation] : undefined;
	if (!action) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of the resource "${resource}" is not supported`);
	}
	return await action.execute.call(this);
}
