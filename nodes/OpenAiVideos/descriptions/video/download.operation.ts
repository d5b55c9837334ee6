import type { IExecutePaginationFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { downloadVideo, withBinary } from '../../helpers/download';
import { extraQueryOf } from '../../helpers/extras';
import { connectItem, maxRetriesOfItem, pairWithInput, requireId, type Driver } from '../../transport/routing';
import { outputBinaryPropertyField, variantField, videoIdField } from '../fields';

const download: Driver = async function (this: IExecutePaginationFunctions) {
	const videoId = String(this.getNodeParameter('videoId', '', { extractValue: true })).trim();
	const variant = String(this.getNodeParameter('variant', 'video'));
	const propertyName = String(this.getNodeParameter('binaryPropertyName', 'data')).trim() || 'data';
	const connection = await connectItem(this);
	const query = extraQueryOf(this, this.getItemIndex());
	const { binary, bytes } = await downloadVideo(connection, videoId, variant, maxRetriesOfItem(this), query);
	const json = { videoId, variant, fileName: binary.fileName, mimeType: binary.mimeType, bytes };
	return pairWithInput(this, [withBinary({ json }, propertyName, binary)]);
};

export const downloadOperation: INodePropertyOptions = {
	name: 'Download',
	value: 'download',
	action: 'Download a video',
	description: 'Download the MP4, thumbnail or spritesheet of a completed video as a file',
	routing: {
		request: { method: 'GET', url: '=/videos/content' },
		send: { paginate: true, preSend: [requireId('videoId', 'video ID')] },
		operations: { pagination: download },
	},
};

export const downloadFields: INodeProperties[] = [
	videoIdField('The completed video to download', 'searchCompletedVideos'),
	variantField,
	outputBinaryPropertyField,
];
