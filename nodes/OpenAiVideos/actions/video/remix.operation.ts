import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Endpoint } from '../../helpers/endpoint';
import type { JobInput } from '../../jobs/request';
import { promptField, promptOf, videoIdField, videoIdOf } from '../fields';
import { JOB_TOOL_DESCRIPTION, paidRun, waitFields, waitOptions } from '../job.fields';

export const endpoint: Endpoint = { method: 'POST', path: '/videos/{video_id}/remix', body: ['prompt'] };

export const option: INodePropertyOptions = {
	name: 'Remix',
	value: 'remix',
	action: 'Remix a video',
	description: 'Start a new job that changes a completed video with a new prompt',
};

export const toolDescription = `Makes a new video from a completed video (by its id) and a prompt that says what to change, ${JOB_TOOL_DESCRIPTION}`;

export const properties: INodeProperties[] = [
	videoIdField('The completed video to remix', 'searchCompletedVideos'),
	promptField('Updated text prompt that directs the remix'),
	...waitFields,
];

export const options = waitOptions;

function inputOf(context: IExecuteFunctions, itemIndex: number): JobInput {
	const videoId = videoIdOf(context, itemIndex);
	return { ids: { video_id: videoId }, values: { prompt: promptOf(context, itemIndex) }, files: [], multipart: false };
}

export const execute = paidRun({ endpoint, waits: true, inputOf });
