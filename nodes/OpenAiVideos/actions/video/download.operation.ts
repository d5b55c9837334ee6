import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parameterOf } from '../../../shared/parameters';
import { asNodeError, ServerError } from '../../../shared/transport/errors';
import type { Connection } from '../../../shared/transport/request';
import { apiRequest } from '../../../shared/transport/retry';
import { BrokenDownload, storeContent, withBinary, type StoredFile } from '../../helpers/download';
import { runEachItem } from '../../helpers/each-item';
import { requestTo, type Endpoint } from '../../helpers/endpoint';
import type { ItemSettings } from '../../helpers/settings';
import { jobError } from '../../jobs/job-errors';
import { outputBinaryPropertyField, variantField, videoIdField, videoIdOf } from '../fields';

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

function contentError(connection: Connection, error: unknown, videoId: string): unknown {
	if (!(error instanceof ServerError)) return error;
	if (!NOT_READY_STATUSES.includes(error.status) || error.message.startsWith('The server does not offer')) return error;
	return new NodeApiError(connection.context.getNode(), { videoId, status: error.status }, {
		message: `Video ${videoId} is not ready for download, or has no file (HTTP ${error.status}): ${error.serverText}`,
		description: 'Download a video once its status is completed: use Create with Wait for Completion, or check it with Get. A failed video has no file.',
		httpCode: String(error.status),
	});
}

/**
 * Downloads one variant of a video as binary data. A body that breaks off, stalls or comes short
 * is fetched again from the start (the one retry layer, up to Max Retries); the job is never
 * created again.
 */
export async function downloadVideo(connection: Connection, videoId: string, variant: string, { maxRetries, query }: ItemSettings): Promise<StoredFile> {
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
		throw asNodeError(node, contentError(connection, error, videoId));
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
