import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/parameters';
import { KIND_NAMES, matchesKind, type MediaKind } from './media';

export interface FileField {
	/** Name of the multipart part, e.g. `input_reference` or `video`. */
	part: string;
	/** Name of the input item's binary field that holds the file. */
	propertyName: string;
	kind: MediaKind;
}

const DEFAULT_EXTENSION: Record<MediaKind, string> = { image: 'png', video: 'mp4' };

/** Reads and checks the input item's file: present, not empty, and by its bytes of the expected kind. */
export async function readFile(context: IExecuteFunctions, itemIndex: number, field: FileField): Promise<Blob & { name: string }> {
	const node = context.getNode();
	const { propertyName, kind } = field;
	const binary = context.helpers.assertBinaryData(itemIndex, propertyName);
	const fileName = binary.fileName ?? `${field.part}.${binary.fileExtension ?? DEFAULT_EXTENSION[kind]}`;
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	if (buffer.length === 0) {
		throw new InputError(node, `The file in "${propertyName}" is empty`, {
			itemIndex,
			description: 'The binary field holds 0 bytes; check the node that produced it.',
		});
	}
	if (!matchesKind(kind, buffer.subarray(0, 16))) {
		throw new InputError(node, `The file in "${propertyName}" is not ${KIND_NAMES[kind]}`, {
			itemIndex,
			description: `"${fileName}" (labelled ${binary.mimeType || 'without a type'}) does not start like ${KIND_NAMES[kind]}; the API takes only that. Pass such a file in this binary field.`,
		});
	}
	// A view, not a copy: the Blob copies the bytes once more by itself.
	const bytes = new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
	return Object.assign(new Blob([bytes], { type: binary.mimeType }), { name: fileName });
}

/** A multipart/form-data body: the fields (objects as JSON) and the files of the input item. */
export async function multipartBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	files: FileField[],
): Promise<FormData> {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
	for (const field of files) {
		const file = await readFile(context, itemIndex, field);
		form.append(field.part, file, file.name);
	}
	return form;
}
