import type { INodeProperties } from 'n8n-workflow';

/**
 * A path with a user-supplied ID, URL-encoded, as a routing expression. `$parameter` unwraps a
 * Resource Locator's value itself; an object without the `__rl` mark is unwrapped here, and a
 * plain string (saved workflows from before the Resource Locators) is taken as it is.
 */
export function pathWithId(template: string, parameterName: string): string {
	const [before, after = ''] = template.split('{id}');
	const raw = `$parameter["${parameterName}"]`;
	const value = `(${raw} !== null && typeof ${raw} === "object" ? ${raw}.value : ${raw})`;
	return `=${before}{{ encodeURIComponent(String(${value} ?? "").trim()) }}${after}`;
}

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

export const requestTimeoutOption: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 3600 },
	default: 60,
	description: 'How long one request may go without an answer, and a download without data, before it fails',
};

export const extraQueryOption: INodeProperties = {
	displayName: 'Extra Query Parameters',
	name: 'extraQuery',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Parameter',
	default: {},
	description: 'Query parameters that one server needs, e.g. custom_llm_provider for LiteLLM',
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. custom_llm_provider' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. openai' },
			],
		},
	],
};

export const maxRetriesOption: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 10 },
	default: 3,
	description:
		'How often to retry on rate limits, server errors and broken connections. Requests that start a paid job are retried only when the server provably did not take them.',
};
