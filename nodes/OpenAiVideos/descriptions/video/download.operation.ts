import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { receiveContent, withBinary } from '../../helpers/download';
import { requireText } from '../../helpers/validate';
import type { FullResponse } from '../../transport/errors';
import { sendWithRetries } from '../../transport/routing';
import { outputBinaryPropertyField, pathWithId, variantField, videoIdField } from '../fields';

async function storeDownload(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const videoId = String(this.getNodeParameter('videoId')).trim();
	const variant = String(this.getNodeParameter('variant', 'video'));
	const propertyName = String(this.getNodeParameter('binaryPropertyName', 'data')).trim();
	const binary = await receiveContent(this, response as FullResponse, videoId, variant);
	return [
		withBinary(
			{ json: { videoId, variant, fileName: binary.fileName, mimeType: binary.mimeType, bytes: binary.bytes } },
			propertyName,
			binary,
		),
	];
}

export const downloadOperation: INodePropertyOptions = {
	name: 'Download',
	value: 'download',
	action: 'Download a video',
	description: 'Download the MP4, thumbnail or spritesheet of a completed video as a file',
	routing: {
		request: {
			method: 'GET',
			url: pathWithId('/videos/{id}/content', 'videoId'),
			encoding: 'stream',
			headers: { Accept: '*/*' },
			disableFollowRedirect: true,
		},
		send: { paginate: true, preSend: [requireText('videoId', 'video ID')] },
		operations: { pagination: sendWithRetries('idempotent') },
		output: { postReceive: [storeDownload] },
	},
};

export const downloadFields: INodeProperties[] = [
	videoIdField('ID of the completed video'),
	{ ...variantField, routing: { send: { type: 'query', property: 'variant' } } },
	outputBinaryPropertyField,
];
