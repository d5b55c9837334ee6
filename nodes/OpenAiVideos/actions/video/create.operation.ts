import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { InputError, optionalText, parameterOf, requiredText } from '../../../shared/parameters';
import type { Endpoint } from '../../helpers/endpoint';
import type { FileField } from '../../helpers/multipart';
import type { JobInput } from '../../jobs/request';
import { binaryFieldOf, promptField, promptOf } from '../fields';
import { JOB_TOOL_DESCRIPTION, paidRun, waitFields, waitOptions } from '../job.fields';

export const endpoint: Endpoint = { method: 'POST', path: '/videos', body: ['prompt', 'model', 'seconds', 'size', 'input_reference'] };

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a video',
	description: 'Start a video generation job from a prompt and an optional reference image',
};

export const toolDescription = `Generates a video from a text prompt (OpenAI Videos API, Sora 2 or a server that speaks it) ${JOB_TOOL_DESCRIPTION}`;

export const properties: INodeProperties[] = [
	promptField('Text that describes the video to generate'),
	{
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		default: { mode: 'list', value: 'sora-2' },
		description: 'The model to use. Empty sends none, so the server picks its default.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a model...',
				typeOptions: { searchListMethod: 'searchModels', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. sora-2-pro',
				hint: 'Any model or deployment name the server takes (Azure, LiteLLM, vLLM-Omni…)',
			},
		],
	},
	{
		displayName: 'Seconds',
		name: 'seconds',
		type: 'options',
		allowArbitraryValues: true,
		options: [
			{ name: 'Server Default', value: '' },
			{ name: '4', value: '4' },
			{ name: '8', value: '8' },
			{ name: '12', value: '12' },
		],
		default: '',
		description: 'Clip duration in seconds. Other durations a server accepts can be given with an expression.',
	},
	{
		displayName: 'Size',
		name: 'size',
		type: 'options',
		allowArbitraryValues: true,
		options: [
			{ name: '1024x1792 (Portrait, Pro)', value: '1024x1792' },
			{ name: '1280x720 (Landscape)', value: '1280x720' },
			{ name: '1792x1024 (Landscape, Pro)', value: '1792x1024' },
			{ name: '720x1280 (Portrait)', value: '720x1280' },
			{ name: 'Server Default', value: '' },
		],
		default: '',
		description: 'Output resolution as width x height. Other sizes a server accepts can be given with an expression.',
	},
	{
		displayName: 'Reference',
		name: 'referenceType',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Image From Binary Field', value: 'binary' },
			{ name: 'Image URL', value: 'imageUrl' },
			{ name: 'File ID', value: 'fileId' },
		],
		default: 'none',
		description: 'An optional image that guides the first frame of the video',
	},
	{
		displayName: 'Input Binary Field',
		name: 'referenceBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the reference image',
		description: 'The binary field of the input item that holds the reference image (PNG, JPEG or WebP)',
		displayOptions: { show: { referenceType: ['binary'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/first-frame.png',
		description: 'A fully qualified URL or a base64 data URL of the reference image',
		displayOptions: { show: { referenceType: ['imageUrl'] } },
	},
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		placeholder: 'e.g. file-abc123',
		description: 'The ID of an uploaded file to use as the reference image',
		displayOptions: { show: { referenceType: ['fileId'] } },
	},
	...waitFields,
];

export const options: INodeProperties[] = [
	{
		displayName: 'Send as Multipart',
		name: 'sendAsMultipart',
		type: 'boolean',
		default: false,
		description: 'Whether to send the request as multipart/form-data even without a file, for servers that refuse JSON (e.g. vLLM-Omni)',
	},
	...waitOptions,
];

function text(context: IExecuteFunctions, itemIndex: number, name: string, label: string): string | undefined {
	return optionalText(context.getNode(), itemIndex, parameterOf(context, name, itemIndex), label);
}

/** The reference image: a file part from a binary field, or an image URL / file ID in the body. */
function referenceOf(context: IExecuteFunctions, itemIndex: number): { input_reference?: IDataObject; files: FileField[] } {
	const node = context.getNode();
	const reference = String(parameterOf(context, 'referenceType', itemIndex, 'none'));
	if (reference === 'binary') {
		return { files: [{ part: 'input_reference', propertyName: binaryFieldOf(context, itemIndex, 'referenceBinaryPropertyName'), kind: 'image' }] };
	}
	if (reference === 'imageUrl') return { input_reference: { image_url: requiredText(node, itemIndex, parameterOf(context, 'imageUrl', itemIndex), 'image URL') }, files: [] };
	if (reference === 'fileId') return { input_reference: { file_id: requiredText(node, itemIndex, parameterOf(context, 'fileId', itemIndex), 'file ID') }, files: [] };
	return { files: [] };
}

function inputOf(context: IExecuteFunctions, itemIndex: number): JobInput {
	const { input_reference, files } = referenceOf(context, itemIndex);
	const values = {
		prompt: promptOf(context, itemIndex),
		model: text(context, itemIndex, 'model', 'model'),
		seconds: text(context, itemIndex, 'seconds', 'seconds'),
		size: text(context, itemIndex, 'size', 'size'),
		input_reference,
	};
	const sendAsMultipart = parameterOf(context, 'options.sendAsMultipart', itemIndex, false) === true;
	if (sendAsMultipart && input_reference) throw multipartReferenceError(context, itemIndex, input_reference);
	return { values, files, multipart: files.length > 0 || sendAsMultipart };
}

/**
 * Send as Multipart with an Image URL or File ID: refused before anything is sent. The API takes
 * `input_reference` in a multipart form only as an uploaded file; its object form ({image_url} or
 * {file_id}) is JSON's (the API reference's "Create video"; OpenAI's OpenAPI document gives the
 * object no multipart encoding, and vLLM-Omni, which needs multipart, declares the part an UploadFile).
 */
function multipartReferenceError(context: IExecuteFunctions, itemIndex: number, reference: IDataObject): InputError {
	const [field, shown] = reference.file_id === undefined ? ['image_url', 'Image URL'] : ['file_id', 'File ID'];
	return new InputError(context.getNode(), `Send as Multipart cannot carry Reference "${shown}": in a multipart request the API takes input_reference only as an uploaded file`, {
		itemIndex,
		description: `Nothing was sent. Turn Send as Multipart off (the JSON body carries input_reference {${field}}), or give the image as a file: fetch it (e.g. with an HTTP Request node) and choose Reference "Image From Binary Field".`,
	});
}

export const execute = paidRun({ endpoint, waits: true, inputOf });
