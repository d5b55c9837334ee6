import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { promptField, videoIdField } from '../fields';

export const remixOperation: INodePropertyOptions = {
	name: 'Remix',
	value: 'remix',
	action: 'Remix a video',
	description: 'Start a new job that changes a completed video with a new prompt',
};

export const remixFields: INodeProperties[] = [
	videoIdField('The completed video to remix', 'searchCompletedVideos'),
	promptField('Updated text prompt that directs the remix'),
];
