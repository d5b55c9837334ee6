/**
 * Video → Get Many: follows `after` = `last_id` while `has_more`, asking for no more than it still
 * needs, with a bound on the pages a server may announce. Items are appended one by one: spreading
 * a large page into push() overflows the stack.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { asNodeError } from '../transport/errors';
import { connect, type Connection } from '../transport/request';
import { apiRequest } from '../transport/retry';
import { extraQueryOf } from './extras';
import { boundedNumber } from './inputs';
import { maxRetriesOf, requestTimeoutSOf } from './job-settings';

export const LIST_ENDPOINT = 'GET /videos';
const MAX_PAGE_SIZE = 100;
/** Return All stops with an error beyond this many pages: 500,000 videos. */
export const MAX_LIST_PAGES = 5_000;
/** The bound in force: MAX_LIST_PAGES (tests lower it to reach it quickly). */
export const listBounds = { maxPages: MAX_LIST_PAGES };
const MAX_LIMIT = 1_000_000;

interface ListSettings {
	wanted: number;
	order: string;
	maxRetries: number;
	query: IDataObject;
}

function settingsOf(context: IExecuteFunctions, itemIndex: number): ListSettings {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	const wanted = returnAll
		? Infinity
		: boundedNumber(context.getNode(), itemIndex, context.getNodeParameter('limit', itemIndex, 50), 'Limit', { min: 1, max: MAX_LIMIT, integer: true });
	return {
		wanted,
		order: String(context.getNodeParameter('order', itemIndex, 'desc')),
		maxRetries: maxRetriesOf(context, itemIndex),
		query: extraQueryOf(context, itemIndex),
	};
}

function notAList(connection: Connection, body: unknown): NodeApiError {
	return new NodeApiError(connection.context.getNode(), { body: JSON.stringify(body ?? null).slice(0, 300) } as JsonObject, {
		message: `${LIST_ENDPOINT} answered without a list of videos`,
		description: 'Expected a JSON object with a "data" array. Check that the Base URL points at a server of this API.',
	});
}

async function listVideos(connection: Connection, settings: ListSettings, itemIndex: number): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	const idsSeen = new Set<string>();
	let after: string | undefined;
	for (let page = 0; items.length < settings.wanted; page++) {
		if (page >= listBounds.maxPages) {
			throw new NodeApiError(connection.context.getNode(), { pages: page } as JsonObject, {
				message: `${LIST_ENDPOINT} still announces more videos after ${page} pages (${items.length} videos); stopped`,
				description: `Return All reads at most ${page} pages of ${MAX_PAGE_SIZE}. Use a Limit, or check that the server's has_more ends.`,
			});
		}
		const qs: IDataObject = { ...settings.query, order: settings.order, limit: Math.min(MAX_PAGE_SIZE, settings.wanted - items.length) };
		if (after !== undefined) qs.after = after;
		const { body } = await apiRequest(connection, { method: 'GET', path: '/videos', qs, endpoint: LIST_ENDPOINT }, 'idempotent', settings.maxRetries);
		const data = (body as IDataObject | undefined)?.data;
		if (!body || typeof body !== 'object' || !Array.isArray(data)) throw notAList(connection, body);
		let fresh = 0;
		for (const video of data as IDataObject[]) {
			const id = String(video?.id);
			if (!video || typeof video !== 'object' || idsSeen.has(id)) continue;
			idsSeen.add(id);
			fresh++;
			if (items.length < settings.wanted) items.push({ json: video, pairedItem: { item: itemIndex } });
		}
		const declared = (body as IDataObject).has_more;
		after = ((body as IDataObject).last_id as string | undefined) ?? (data[data.length - 1] as IDataObject | undefined)?.id as string | undefined;
		if (!fresh || declared === false || !after) break;
		if (declared === undefined && data.length < Number(qs.limit)) break;
	}
	return items;
}

export async function runGetMany(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const connection = await connect(context, requestTimeoutSOf(context));
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		try {
			for (const item of await listVideos(connection, settingsOf(context, itemIndex), itemIndex)) output.push(item);
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context.getNode(), error);
			output.push({ json: {}, error: error as NodeApiError, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
