import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parameterOf } from '../../../shared/parameters';
import type { FileField } from '../../helpers/multipart';
import { binaryFieldOf, binaryPropertyField, videoIdField, videoIdOf } from '../fields';

/** The source video of Edit and Extend: a completed video by ID (JSON) or a file (multipart). */
export function videoSourceFields(verb: string): INodeProperties[] {
	return [
		{
			displayName: 'Source Video',
			name: 'videoSource',
			type: 'options',
			options: [
				{
					name: 'Completed Video',
					value: 'id',
					description: 'A completed video of this server, from the list or by ID',
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
			...videoIdField(`The completed video to ${verb}`, 'searchCompletedVideos'),
			displayOptions: { show: { videoSource: ['id'] } },
		},
		{
			...binaryPropertyField(
				'sourceBinaryPropertyName',
				'Input Binary Field',
				`The binary field of the input item that holds the video to ${verb}`,
			),
			displayOptions: { show: { videoSource: ['binary'] } },
		},
	];
}

/** The source as the request carries it: `video: {id}` in the body, or a `video` file part. */
export function sourceOf(context: IExecuteFunctions, itemIndex: number): { video?: IDataObject; files: FileField[] } {
	if (parameterOf(context, 'videoSource', itemIndex, 'id') === 'binary') {
		return { files: [{ part: 'video', propertyName: binaryFieldOf(context, itemIndex, 'sourceBinaryPropertyName'), kind: 'video' }] };
	}
	return { video: { id: videoIdOf(context, itemIndex) }, files: [] };
}
