import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { promptField } from '../fields';
import { videoSourceFields } from './source';

export const editOperation: INodePropertyOptions = {
	name: 'Edit',
	value: 'edit',
	action: 'Edit a video',
	description: 'Start a new job that edits a completed video or an uploaded video file',
};

export const editFields: INodeProperties[] = [
	promptField('Text that describes how to edit the source video'),
	...videoSourceFields('edit'),
];
