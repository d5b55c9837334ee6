/**
 * The lists behind the editor's Resource Locators ("From List"): the account's recent videos
 * (GET /videos, newest first, searched here on ID and prompt) and its video models (GET /models).
 * A server without such a list gets a message in the list that says to choose "By ID" instead.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { jobStateOf } from '../../shared/job-status';
import { extraQueryOf } from '../../shared/parameters';
import { ServerError } from '../../shared/transport/errors';
import { connect, type Connection } from '../../shared/transport/request';
import { apiRequest } from '../../shared/transport/retry';
import { LIST_ENDPOINT, NotAListError, walkVideoPages } from '../../shared/video-list';
/** One search reads at most this many pages to find matches, then hands on its cursor. */
const MAX_PAGES_PER_SEARCH = 5;
/** A search stops reading pages once it has this many matches. */
const ENOUGH_RESULTS = 20;
const PROMPT_LENGTH = 60;
/** The editor waits for the list: one retry, not the node's default of three. */
const LIST_RETRIES = 1;
/** Model IDs of video models as OpenAI, Google, Alibaba, Kuaishou, Tencent, Lightricks and others name them. */
export const VIDEO_MODEL_PATTERN = /sora|veo|video|wan|kling|hunyuan|ltx|cogvideo|seedance|mochi|hailuo|vidu|pika|luma|runway/i;
/** Answers that mean "this server has no such list". */
const MISSING_LIST_STATUSES = [404, 405, 501];

function useById(context: ILoadOptionsFunctions, what: string, endpoint: string, error: unknown, entry: string): NodeOperationError {
	const status = error instanceof ServerError ? error.status : undefined;
	const missing = error instanceof NotAListError || (status !== undefined && MISSING_LIST_STATUSES.includes(status));
	const reason = missing
		? `This server has no list of ${what} (${endpoint} answered ${status === undefined ? 'without a list' : `HTTP ${status}`}).`
		: `The list of ${what} could not be loaded: ${(error as Error).message}.`;
	return new NodeOperationError(context.getNode(), `${reason} Choose "By ID" and enter the ${entry}.`, {
		description: `"By ID" takes any ${entry} the server accepts, also from an expression.`,
	});
}

async function getList(connection: Connection, path: string, qs: IDataObject, endpoint: string): Promise<IDataObject> {
	const { body } = await apiRequest(connection, { method: 'GET', path, qs, endpoint }, 'idempotent', LIST_RETRIES);
	if (!body || typeof body !== 'object' || !Array.isArray((body as IDataObject).data)) throw new NotAListError(connection.context.getNode(), endpoint, body);
	return body as IDataObject;
}

function shorten(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > PROMPT_LENGTH ? `${line.slice(0, PROMPT_LENGTH - 1)}…` : line;
}

/** A video as the list shows it: a short prompt and the status; the value is the ID. */
export function videoListItem(video: IDataObject): INodeListSearchItems {
	const id = String(video.id);
	const prompt = typeof video.prompt === 'string' && video.prompt.trim() ? shorten(video.prompt) : id;
	const status = video.status === undefined || video.status === null ? 'unknown' : String(video.status);
	return { name: `${prompt} (${status})`, value: id };
}

function matches(video: IDataObject, filter: string | undefined): boolean {
	if (!filter?.trim()) return true;
	const needle = filter.trim().toLowerCase();
	return [video.id, video.prompt].some((field) => typeof field === 'string' && field.toLowerCase().includes(needle));
}

async function searchVideoList(context: ILoadOptionsFunctions, filter: string | undefined, token: string | undefined, completedOnly: boolean): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	let paginationToken: string | undefined;
	let pages = 0;
	try {
		const connection = await connect(context);
		await walkVideoPages(connection, { after: token, order: 'desc', query: extraQueryOf(context, 0), maxRetries: LIST_RETRIES }, {
			take: (page) => {
				for (const video of page.videos) {
					if ((!completedOnly || jobStateOf(video) === 'completed') && matches(video, filter)) results.push(videoListItem(video));
				}
				pages++;
				const enough = pages >= MAX_PAGES_PER_SEARCH || results.length >= ENOUGH_RESULTS;
				paginationToken = enough && page.hasMore ? page.next : undefined;
				return enough;
			},
		});
	} catch (error) {
		throw useById(context, completedOnly ? 'completed videos' : 'videos', LIST_ENDPOINT, error, 'video ID, e.g. video_123');
	}
	return { results, paginationToken };
}

/** "From List" of Get and Delete: every recent video. */
export async function searchVideos(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchVideoList(this, filter, paginationToken, false);
}

/** "From List" of Download, Remix, Edit and Extend: only videos that are finished. */
export async function searchCompletedVideos(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchVideoList(this, filter, paginationToken, true);
}

/** "From List" of Model: the server's video models, or all its models when none looks like one. */
export async function searchModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const endpoint = 'GET /models';
	let ids: string[];
	try {
		const connection = await connect(this);
		const body = await getList(connection, '/models', extraQueryOf(this, 0), endpoint);
		ids = (body.data as IDataObject[]).map((model) => model?.id).filter((id): id is string => typeof id === 'string' && id !== '');
	} catch (error) {
		throw useById(this, 'models', endpoint, error, 'model name, e.g. sora-2');
	}
	const videoModels = ids.filter((id) => VIDEO_MODEL_PATTERN.test(id));
	const needle = filter?.trim().toLowerCase();
	const shown = (videoModels.length ? videoModels : ids).filter((id) => !needle || id.toLowerCase().includes(needle));
	return { results: [...new Set(shown)].sort().map((id) => ({ name: id, value: id })) };
}

export const listSearch = { searchVideos, searchCompletedVideos, searchModels };
