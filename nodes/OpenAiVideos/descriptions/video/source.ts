import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, idField } from '../fields';

/** The source video of Edit and Extend: a completed video by ID (JSON) or a file (multipart). */
export function videoSourceFields(verb: string): INodeProperties[] {
	return [
		{
			displayName: 'Source Video',
			name: 'videoSource',
			type: 'options',
			options: [
				{
					name: 'Video ID',
					value: 'id',
					description: 'A completed video of this server',
				},
				{
					name: 'Video File From Binary Field',
					value: 'binary',
					description: 'An MP4 file of the input item',
				},
			],
			default: 'id',
			description: `The video to ${verb}`,
		},
		{
			...idField('videoId', 'Video ID', `ID of the completed video to ${verb}`),
			displayOptions: { show: { videoSource: ['id'] } },
		},
		{
			...binaryPropertyField(
				'sourceBinaryPropertyName',
				'Input Binary Field',
				`The binary property of the input item that holds the video to ${verb}`,
			),
			displayOptions: { show: { videoSource: ['binary'] } },
		},
	];
}
