/** Fields that several operations of the node show, and their checked readers. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError, parameterOf, requiredId, requiredText } from '../../shared/parameters';
import { PROMPT_MAX_LENGTH } from '../helpers/settings';

export function promptField(description: string): INodeProperties {
	return {
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description,
	};
}

export function idField(name: string, displayName: string, description: string, placeholder: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder, description };
}

/** Which videos "From List" offers: all recent ones, or only those a finished video is needed of. */
export type VideoList = 'searchVideos' | 'searchCompletedVideos';

/**
 * The Video ID as a Resource Locator: "From List" (recent videos of the server, with search) or
 * "By ID". Saved workflows whose `videoId` is a plain string keep working: every reader takes the
 * value with `extractValue`, which passes a string through.
 */
export function videoIdField(description: string, list: VideoList = 'searchVideos'): INodeProperties {
	return {
		displayName: 'Video',
		name: 'videoId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a video...',
				typeOptions: { searchListMethod: list, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5',
				hint: 'The ID of the video as the server gave it, e.g. in the output of Create or Get Many',
				validation: [
					{ type: 'regex', properties: { regex: '\\s*\\S*\\s*', errorMessage: 'A video ID has no spaces, e.g. video_123' } },
				],
			},
		],
	};
}

export function binaryPropertyField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the binary field, e.g. data',
		description,
	};
}

export const variantField: INodeProperties = {
	displayName: 'Variant',
	name: 'variant',
	type: 'options',
	options: [
		{ name: 'Video (MP4)', value: 'video' },
		{ name: 'Thumbnail (WebP)', value: 'thumbnail' },
		{ name: 'Spritesheet (JPEG)', value: 'spritesheet' },
	],
	default: 'video',
	description: 'Which file of the video to download',
};

export const outputBinaryPropertyField = binaryPropertyField(
	'binaryPropertyName',
	'Put Output File in Field',
	'The name of the output binary field to put the file in',
);

/** The item's video ID (a Resource Locator's value, or a plain string saved by older versions), checked. */
export function videoIdOf(context: IExecuteFunctions, itemIndex: number): string {
	return requiredId(context.getNode(), itemIndex, parameterOf(context, 'videoId', itemIndex), 'video ID');
}

export function promptOf(context: IExecuteFunctions, itemIndex: number): string {
	const prompt = requiredText(context.getNode(), itemIndex, parameterOf(context, 'prompt', itemIndex), 'prompt');
	if (prompt.length > PROMPT_MAX_LENGTH) {
		throw new InputError(context.getNode(), `The prompt is longer than ${PROMPT_MAX_LENGTH} characters`, {
			itemIndex,
			description: `It has ${prompt.length} characters; the API takes at most ${PROMPT_MAX_LENGTH}.`,
		});
	}
	return prompt;
}

/** The name of an input binary field, checked. */
export function binaryFieldOf(context: IExecuteFunctions, itemIndex: number, name: string): string {
	return requiredText(context.getNode(), itemIndex, parameterOf(context, name, itemIndex, 'data'), 'input binary field');
}
