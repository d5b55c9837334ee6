/**
 * The run of the operations that answer each item with one exchange (Get, Get Many, Delete,
 * Download, Character → Get): every item's input is read and checked before the first request (a
 * bad item 2 never lets item 1's Delete through), then the items run at once (the connection's
 * slots bound the requests in flight). A failed item fails the node, or with a Continue setting
 * becomes an error item in its place.
 */
import type { IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { requestTimeoutSOf } from '../../shared/options';
import { asNodeError } from '../../shared/transport/errors';
import { connect, type Connection } from '../../shared/transport/request';
import { itemSettingsOf, type ItemSettings } from './settings';

export interface EachItem<Input> {
	/** The item's input, checked; sends nothing. */
	inputOf: (itemIndex: number) => Input;
	run: (input: Input, connection: Connection, settings: ItemSettings) => Promise<INodeExecutionData[]>;
}

type Checked<Input> = { input: Input; settings: ItemSettings } | NodeApiError | NodeOperationError;

export async function runEachItem<Input>(context: IExecuteFunctions, { inputOf, run }: EachItem<Input>): Promise<INodeExecutionData[][]> {
	const checked: Array<Checked<Input>> = context.getInputData().map((_item, itemIndex) => {
		try {
			return { input: inputOf(itemIndex), settings: itemSettingsOf(context, itemIndex) };
		} catch (error) {
			return asNodeError(context.getNode(), error);
		}
	});
	const firstBad = checked.find((entry): entry is NodeApiError | NodeOperationError => entry instanceof Error);
	if (firstBad && !context.continueOnFail()) throw firstBad;
	const connection = await connect(context, requestTimeoutSOf(context, 0));
	const outcomes = await Promise.all(
		checked.map(async (entry) => {
			if (entry instanceof Error) return entry;
			try {
				return await run(entry.input, connection, entry.settings);
			} catch (error) {
				return asNodeError(context.getNode(), error);
			}
		}),
	);
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (!(outcome instanceof Error)) {
			// One by one: spreading a large page into push() overflows the stack.
			for (const item of outcome) output.push({ ...item, pairedItem: { item: itemIndex } });
			continue;
		}
		if (!context.continueOnFail()) throw outcome;
		output.push({ json: {}, error: outcome as NodeApiError, pairedItem: { item: itemIndex } });
	}
	return [output];
}
