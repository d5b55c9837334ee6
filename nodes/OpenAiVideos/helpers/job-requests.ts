/**
 * What each paid operation sends, built from one item's parameters and checked before anything
 * is sent: Create, Remix, Edit, Extend (video jobs) and Character → Create.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiRequest } from '../transport/request';
import { extraBodyOf, extraQueryOf } from './extras';
import { idSegment, InputError, optionalText, requiredId, requiredText } from './inputs';
import { multipartBody, readFile, type FileField } from './multipart';

export type PaidOperation = 'create' | 'remix' | 'edit' | 'extend' | 'createCharacter';

/** A request whose body is made when it is sent (files are read again then, not held). */
export interface JobRequest {
	itemIndex: number;
	operation: PaidOperation;
	path: string;
	endpoint: string;
	qs: IDataObject;
	fields: IDataObject;
	files: FileField[];
	multipart: boolean;
}

const PROMPT_MAX_LENGTH = 32_000;

function withoutUnset(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function parameter(context: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown = ''): unknown {
	return context.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
}

function promptOf(context: IExecuteFunctions, itemIndex: number): string {
	const prompt = requiredText(context.getNode(), itemIndex, parameter(context, 'prompt', itemIndex), 'prompt');
	if (prompt.length > PROMPT_MAX_LENGTH) {
		throw new InputError(context.getNode(), `The prompt is longer than ${PROMPT_MAX_LENGTH} characters`, {
			itemIndex,
			description: `It has ${prompt.length} characters; the API takes at most ${PROMPT_MAX_LENGTH}.`,
		});
	}
	return prompt;
}

function text(context: IExecuteFunctions, itemIndex: number, name: string, label: string): string | undefined {
	return optionalText(context.getNode(), itemIndex, parameter(context, name, itemIndex), label);
}

function videoIdOf(context: IExecuteFunctions, itemIndex: number): string {
	return requiredId(context.getNode(), itemIndex, parameter(context, 'videoId', itemIndex), 'video ID');
}

function binaryFieldOf(context: IExecuteFunctions, itemIndex: number, name: string): string {
	return requiredText(context.getNode(), itemIndex, parameter(context, name, itemIndex, 'data'), 'input binary field');
}

function createRequest(context: IExecuteFunctions, itemIndex: number): Omit<JobRequest, 'qs' | 'itemIndex' | 'operation'> {
	const node = context.getNode();
	const fields: IDataObject = withoutUnset({
		prompt: promptOf(context, itemIndex),
		model: text(context, itemIndex, 'model', 'model'),
		seconds: text(context, itemIndex, 'seconds', 'seconds'),
		size: text(context, itemIndex, 'size', 'size'),
	});
	const files: FileField[] = [];
	const reference = String(parameter(context, 'referenceType', itemIndex, 'none'));
	if (reference === 'binary') {
		files.push({ part: 'input_reference', propertyName: binaryFieldOf(context, itemIndex, 'referenceBinaryPropertyName'), kind: 'image' });
	} else if (reference === 'imageUrl') {
		fields.input_reference = { image_url: requiredText(node, itemIndex, parameter(context, 'imageUrl', itemIndex), 'image URL') };
	} else if (reference === 'fileId') {
		fields.input_reference = { file_id: requiredText(node, itemIndex, parameter(context, 'fileId', itemIndex), 'file ID') };
	}
	const sendAsMultipart = context.getNodeParameter('options.sendAsMultipart', itemIndex, false) === true;
	return { path: '/videos', endpoint: 'POST /videos', fields, files, multipart: files.length > 0 || sendAsMultipart };
}

function sourceOf(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): FileField[] {
	if (parameter(context, 'videoSource', itemIndex, 'id') === 'binary') {
		return [{ part: 'video', propertyName: binaryFieldOf(context, itemIndex, 'sourceBinaryPropertyName'), kind: 'video' }];
	}
	fields.video = { id: videoIdOf(context, itemIndex) };
	return [];
}

function buildRequest(context: IExecuteFunctions, itemIndex: number, operation: PaidOperation): Omit<JobRequest, 'qs' | 'itemIndex' | 'operation'> {
	const node = context.getNode();
	switch (operation) {
		case 'create':
			return createRequest(context, itemIndex);
		case 'remix': {
			const id = videoIdOf(context, itemIndex);
			const fields = { prompt: promptOf(context, itemIndex) };
			return { path: `/videos/${idSegment(id)}/remix`, endpoint: 'POST /videos/{video_id}/remix', fields, files: [], multipart: false };
		}
		case 'edit': {
			const fields: IDataObject = { prompt: promptOf(context, itemIndex) };
			const files = sourceOf(context, itemIndex, fields);
			return { path: '/videos/edits', endpoint: 'POST /videos/edits', fields, files, multipart: files.length > 0 };
		}
		case 'extend': {
			const fields: IDataObject = {
				prompt: promptOf(context, itemIndex),
				seconds: requiredText(node, itemIndex, parameter(context, 'seconds', itemIndex), 'length in seconds'),
			};
			const files = sourceOf(context, itemIndex, fields);
			return { path: '/videos/extensions', endpoint: 'POST /videos/extensions', fields, files, multipart: files.length > 0 };
		}
		case 'createCharacter': {
			const fields = { name: requiredText(node, itemIndex, parameter(context, 'name', itemIndex), 'character name') };
			const files: FileField[] = [{ part: 'video', propertyName: binaryFieldOf(context, itemIndex, 'binaryPropertyName'), kind: 'video' }];
			return { path: '/videos/characters', endpoint: 'POST /videos/characters', fields, files, multipart: true };
		}
	}
}

/** Builds the item's request and checks everything it needs, its files included; sends nothing. */
export async function prepareJobRequest(context: IExecuteFunctions, itemIndex: number, operation: PaidOperation): Promise<JobRequest> {
	const built = buildRequest(context, itemIndex, operation);
	const fields = { ...built.fields, ...extraBodyOf(context, itemIndex) };
	for (const file of built.files) await readFile(context, itemIndex, file);
	return { ...built, fields, itemIndex, operation, qs: extraQueryOf(context, itemIndex) };
}

export async function toApiRequest(context: IExecuteFunctions, request: JobRequest): Promise<ApiRequest> {
	const body = request.multipart
		? await multipartBody(context, request.itemIndex, request.fields, request.files)
		: request.fields;
	return { method: 'POST', path: request.path, qs: request.qs, body, endpoint: request.endpoint };
}
