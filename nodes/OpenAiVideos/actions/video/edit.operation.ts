import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Endpoint } from '../../helpers/endpoint';
import type { JobInput } from '../../jobs/request';
import { promptField, promptOf } from '../fields';
import { JOB_TOOL_DESCRIPTION, paidRun, waitFields, waitOptions } from '../job.fields';
import { sourceOf, videoSourceFields } from './source';

export const endpoint: Endpoint = { method: 'POST', path: '/videos/edits', body: ['prompt', 'video'] };

export const option: INodePropertyOptions = {
	name: 'Edit',
	value: 'edit',
	action: 'Edit a video',
	description: 'Start a new job that edits a completed video or an uploaded video file',
};

export const toolDescription = `Edits a completed video (by its id) as a prompt directs, ${JOB_TOOL_DESCRIPTION}`;

export const properties: INodeProperties[] = [
	promptField('Text that describes how to edit the source video'),
	...videoSourceFields('edit'),
	...waitFields,
];

export const options = waitOptions;

function inputOf(context: IExecuteFunctions, itemIndex: number): JobInput {
	const prompt = promptOf(context, itemIndex);
	const { video, files } = sourceOf(context, itemIndex);
	return { values: { prompt, video }, files, multipart: files.length > 0 };
}

export const execute = paidRun({ endpoint, waits: true, inputOf });
