/**
 * The run of the operations that answer each item with one exchange (Get, Get Many, Delete,
 * Download, Character → Get): the items run at once (the connection's slots bound the requests in
 * flight); a failed item fails the node, or with a Continue setting becomes an error item in its place.
 */
import type { IExecuteFunctions, INodeExecutionData, NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../shared/transport/errors';
import { connect, type Connection } from '../../shared/transport/request';
import { requestTimeoutSOf } from '../../shared/options';
import { itemSettingsOf, type ItemSettings } from './settings';

export type ItemRun = (itemIndex: number, connection: Connection, settings: ItemSettings) => Promise<INodeExecutionData[]>;

export async function runEachItem(context: IExecuteFunctions, run: ItemRun): Promise<INodeExecutionData[][]> {
	const connection = await connect(context, requestTimeoutSOf(context, 0));
	const outcomes = await Promise.all(
		context.getInputData().map(async (_item, itemIndex) => {
			try {
				const items = await run(itemIndex, connection, itemSettingsOf(context, itemIndex));
				return items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
			} catch (error) {
				return asNodeError(context.getNode(), error);
			}
		}),
	);
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (!(outcome instanceof Error)) {
			// One by one: spreading a large page into push() overflows the stack.
			for (const item of outcome) output.push(item);
			continue;
		}
		if (!context.continueOnFail()) throw outcome;
		output.push({ json: {}, error: outcome as NodeApiError, pairedItem: { item: itemIndex } });
	}
	return [output];
}
