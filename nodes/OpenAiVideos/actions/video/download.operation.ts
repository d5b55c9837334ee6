import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { jobStateOf } from '../../../shared/job-status';

import { parameterOf } from '../../../shared/parameters';
import { asNodeError, ServerError } from '../../../shared/transport/errors';
import type { Connection } from '../../../shared/transport/request';
import { apiRequest } from '../../../shared/transport/retry';
import { BrokenDownload, storeContent, withBinary, type StoredFile } from '../../helpers/download';
import { runEachItem } from '../../helpers/each-item';
import { requestTo, type Endpoint } from '../../helpers/endpoint';
import type { ItemSettings } from '../../helpers/settings';
import { isVideoJob, jobError } from '../../jobs/job-errors';
import { outputBinaryPropertyField, variantField, videoIdField, videoIdOf } from '../fields';
import { endpoint as getEndpoint } from './get.operation';

export const endpoint: Endpoint = { method: 'GET', path: '/videos/{video_id}/content' };

export const option: INodePropertyOptions = {
	name: 'Download',
	value: 'download',
	action: 'Download a video',
	description: 'Download the MP4, thumbnail or spritesheet of a completed video as a file',
};

export const toolDescription = "Downloads the file of a completed video (by its id) into the workflow, in seconds to a minute. The agent gets only the file's details (name, type, size), not the file.";

export const properties: INodeProperties[] = [
	videoIdField('The completed video to download', 'searchCompletedVideos'),
	variantField,
	outputBinaryPropertyField,
];

/** Servers answer these while a video is still rendering (or when it failed and has no file). */
const NOT_READY_STATUSES = [400, 404, 409, 422, 500];
/** What a server answers when a video's files are gone: a 410 always means it, a 404 may. */
const GONE_STATUSES = [404, 410];

/** The video as the server has it now, to tell "not ready" from "expired"; undefined when it cannot say. */
async function videoNow(connection: Connection, videoId: string, query: IDataObject): Promise<IDataObject | undefined> {
	try {
		const { body } = await apiRequest(connection, requestTo(getEndpoint, { video_id: videoId }, { qs: query }), 'idempotent', 0);
		return isVideoJob(body) ? body : undefined;
	} catch {
		return undefined;
	}
}

/** When the video's files expire(d): its `expires_at`, in Unix seconds (milliseconds accepted). */
function expiresAtOf(video: IDataObject | undefined): Date | undefined {
	const value = Number(video?.expires_at ?? NaN);
	if (!Number.isFinite(value) || value <= 0) return undefined;
	return new Date(value > 1e11 ? value : value * 1000);
}

interface ContentFacts {
	videoId: string;
	variant: string;
	query: IDataObject;
	/** The video as the caller last saw it (Create's finished job); else a 404 or 410 asks the server, once. */
	known?: IDataObject;
}

/** A /content error answer as the user can act on it: expired, no file of a completed video, or not ready. */
async function contentError(connection: Connection, error: unknown, { videoId, variant, query, known }: ContentFacts): Promise<unknown> {
	if (!(error instanceof ServerError) || error.message.startsWith('The server does not offer')) return error;
	const { status, serverText } = error;
	const video = known ?? (GONE_STATUSES.includes(status) ? await videoNow(connection, videoId, query) : undefined);
	const expiresAt = expiresAtOf(video);
	const completed = video !== undefined && jobStateOf(video) === 'completed';
	const expired =
		status === 410 ||
		(status === 404 && (/expired/i.test(serverText) || String(video?.status).toLowerCase() === 'expired' || (completed && expiresAt !== undefined && expiresAt.getTime() <= Date.now())));
	const words = (message: string, description: string) =>
		new NodeApiError(connection.context.getNode(), { videoId, status }, { message: `${message} (HTTP ${status}): ${serverText}`, description, httpCode: String(status) });
	if (expired) {
		return words(
			`The files of video ${videoId} have expired${expiresAt ? ` (at ${expiresAt.toISOString()})` : ''}; the server no longer has them`,
			'A server keeps the files of a video only for a while after it completes, and no download brings them back. A new job is needed: create the video again.',
		);
	}
	if (completed) {
		return words(
			`Video ${videoId} is completed, but the server has no ${variant} file for it`,
			'The server may have deleted its files, or may not make this variant (try another one). If its files are gone, a new job is needed.',
		);
	}
	if (!NOT_READY_STATUSES.includes(status)) return error;
	return words(
		`Video ${videoId} is not ready for download, or has no file`,
		'Download a video once its status is completed: use Create with Wait for Completion, or check it with Get. A failed video has no file.',
	);
}

/**
 * Downloads one variant of a video as binary data. A body that breaks off, stalls or comes short
 * is fetched again from the start (the one retry layer, up to Max Retries); the job is never
 * created again.
 */
export async function downloadVideo(
	connection: Connection,
	videoId: string,
	variant: string,
	{ maxRetries, query }: ItemSettings,
	/** The video as the caller last saw it (Create's finished job), to name an expiry without asking. */
	known?: IDataObject,
): Promise<StoredFile> {
	let tries = 0;
	const request = requestTo(endpoint, { video_id: videoId }, { qs: { ...query, variant }, stream: true });
	try {
		return await apiRequest(connection, request, 'idempotent', maxRetries, async (response) => {
			tries++;
			return await storeContent(connection, response, videoId, variant);
		});
	} catch (error) {
		const node = connection.context.getNode();
		if (error instanceof BrokenDownload) throw jobError(node, videoId, { kind: 'downloadBroken', problem: error.problem, tries });
		throw asNodeError(node, await contentError(connection, error, { videoId, variant, query, known }));
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runEachItem(this, {
		inputOf: (itemIndex) => ({
			videoId: videoIdOf(this, itemIndex),
			variant: String(parameterOf(this, 'variant', itemIndex, 'video')),
			propertyName: String(parameterOf(this, 'binaryPropertyName', itemIndex, 'data')).trim() || 'data',
		}),
		run: async ({ videoId, variant, propertyName }, connection, settings) => {
			const { binary, bytes } = await downloadVideo(connection, videoId, variant, settings);
			const json = { videoId, variant, fileName: binary.fileName, mimeType: binary.mimeType, bytes };
			return [withBinary({ json }, propertyName, binary)];
		},
	});
}
