/**
 * n8n's "Retry" of a failed execution (the executions list), as n8n 2.40's
 * `ExecutionService.retry` (packages/cli/src/executions/execution.service.ts) does it:
 *   - the failed execution's data comes back from the database (here: through JSON, as a stored
 *     execution does; nothing that lives only in memory survives);
 *   - its error is deleted, and the failed node's last run when it holds an error;
 *   - "with the currently saved workflow" (loadWorkflow) replaces the node on the stack with the
 *     workflow's current one; else the node as it was;
 *   - a new execution (new ID) runs it with mode `retry`.
 * And, for the AI Agent's tool calls: the node run again within the same execution.
 */
import type { INode, INodeExecutionData, INodeParameters, IRunExecutionData } from 'n8n-workflow';

import { executeRun, type RunNodeResult } from './run-node';

export interface RetryOptions {
	/** "Retry with currently saved workflow": the node's parameters as saved now. */
	currentParameters?: INodeParameters;
}

export async function retryExecution(failed: RunNodeResult, options: RetryOptions = {}): Promise<RunNodeResult> {
	const data = JSON.parse(JSON.stringify(failed.run.data)) as IRunExecutionData;
	const { lastNodeExecuted } = data.resultData;
	if (lastNodeExecuted) {
		delete data.resultData.error;
		const runs = data.resultData.runData?.[lastNodeExecuted];
		if (runs?.length && runs[runs.length - 1].error !== undefined) runs.pop();
	}
	let node: INode = failed.setup.node;
	if (options.currentParameters) node = { ...node, parameters: options.currentParameters };
	for (const entry of data.executionData?.nodeExecutionStack ?? []) entry.node = node;
	return await executeRun({ ...failed.setup, node }, 'retry', data);
}

/** The node run once more within the same execution (an AI Agent calling the tool again). */
export async function runAgainInSameExecution(previous: RunNodeResult, items: INodeExecutionData[]): Promise<RunNodeResult> {
	const data = previous.run.data;
	data.executionData!.nodeExecutionStack = [{ node: previous.setup.node, data: { main: [items] }, source: null }];
	return await executeRun(previous.setup, previous.run.mode, data, previous.executionId);
}
