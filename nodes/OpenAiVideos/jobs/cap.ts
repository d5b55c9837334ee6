/**
 * Max Paid Jobs per Run: a runaway input (a Split Out over the wrong field, a loop wired back)
 * stops before the first paid request. Counted: the items of this run that would start a new job
 * (a job resumed by a retry is not new); as an AI Agent tool, every call of one execution.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { runsAsTool } from '../helpers/tool-mode';

interface PaidJobCount {
	/** Input items of this run. */
	items: number;
	/** Indexes of the items that would start a new paid job, in order. */
	newJobs: number[];
	/** Paid jobs already started in this execution and counted too (tool calls), else 0. */
	startedBefore: number;
	tool: boolean;
}

/** The items beyond the cap and why, or undefined when the run stays within it (0 = no cap). */
function overCap(count: PaidJobCount, maxPaidJobs: number): { message: string; beyond: number[] } | undefined {
	const total = count.startedBefore + count.newJobs.length;
	if (maxPaidJobs === 0 || total <= maxPaidJobs) return undefined;
	const who = count.tool ? 'This execution\'s tool calls' : `${count.items} item${count.items === 1 ? '' : 's'}`;
	return {
		message: `${who} would start ${total} paid jobs, more than Max Paid Jobs per Run (${maxPaidJobs})`,
		beyond: count.newJobs.slice(Math.max(0, maxPaidJobs - count.startedBefore)),
	};
}

function capError(node: INode, message: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, message, {
		itemIndex,
		description:
			'Nothing was sent for these items. If you mean it, raise Options → Max Paid Jobs per Run (0 for no cap); ' +
			'else check what feeds this node (a Split Out over the wrong field, a loop wired back).',
	});
}

/**
 * Checks a run's items against the cap before any request: throws (On Error = Stop Workflow), or
 * turns the items beyond the cap into errors (Continue). `isNew`: whether the item would start a
 * new job (not resume one); `startedInExecution`: the paid jobs this node started in this execution
 * so far, counted too when it runs as an AI Agent's tool (each call is a run of its own).
 */
export function applyCap<Plan>(
	context: IExecuteFunctions,
	plans: Array<Plan | Error>,
	options: { maxPaidJobs: number; isNew: (plan: Plan) => boolean; startedInExecution: number; stopOnError: boolean },
): void {
	const newJobs = plans.flatMap((plan, index) => (plan instanceof Error || !options.isNew(plan) ? [] : [index]));
	const tool = runsAsTool(context);
	const over = overCap({ items: plans.length, newJobs, startedBefore: tool ? options.startedInExecution : 0, tool }, options.maxPaidJobs);
	if (!over) return;
	if (options.stopOnError) throw capError(context.getNode(), over.message);
	for (const index of over.beyond) plans[index] = capError(context.getNode(), `Not started: ${over.message}`, index);
}
