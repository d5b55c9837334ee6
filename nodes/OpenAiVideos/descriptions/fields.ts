import type { INodeProperties } from 'n8n-workflow';

/** A path with a user-supplied ID, URL-encoded, as a routing expression. */
export function pathWithId(template: string, parameterName: string): string {
	const [before, after = ''] = template.split('{id}');
	return `=${before}{{ encodeURIComponent(String($parameter["${parameterName}"] ?? "").trim()) }}${after}`;
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

export function idField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: name === 'characterId' ? 'e.g. char_123' : 'e.g. video_123',
		description,
	};
}

export const videoIdField = (description: string) => idField('videoId', 'Video ID', description);

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
	'The name of the output binary property to put the file in',
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
