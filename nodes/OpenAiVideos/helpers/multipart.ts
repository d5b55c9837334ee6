import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { withoutEmptyFields } from './validate';

export type MediaKind = 'image' | 'video';

const EXTENSIONS: Record<MediaKind, string[]> = {
	image: ['png', 'jpg', 'jpeg', 'webp', 'gif'],
	video: ['mp4', 'mov', 'webm', 'm4v', 'mkv', 'avi'],
};

function isKind(kind: MediaKind, mimeType: string | undefined, fileName: string | undefined): boolean {
	if (mimeType && mimeType !== 'application/octet-stream') return mimeType.startsWith(`${kind}/`);
	const extension = fileName?.split('.').pop()?.toLowerCase();
	return extension !== undefined && EXTENSIONS[kind].includes(extension);
}

export interface FileField {
	/** Name of the multipart part, e.g. `input_reference` or `video`. */
	part: string;
	/** Node parameter holding the name of the input item's binary property. */
	binaryPropertyParameter: string;
	kind: MediaKind;
}

/** Reads and checks the input item's file: present, not empty, of the expected kind. */
async function readFile(context: IExecuteSingleFunctions, field: FileField): Promise<Blob & { name: string }> {
	const propertyName = String(context.getNodeParameter(field.binaryPropertyParameter, 'data')).trim();
	const itemIndex = context.getItemIndex();
	const binary = context.helpers.assertBinaryData(propertyName);
	const fileName = binary.fileName ?? `${field.part}.${binary.fileExtension ?? (field.kind === 'image' ? 'png' : 'mp4')}`;
	if (!isKind(field.kind, binary.mimeType, binary.fileName)) {
		throw new NodeOperationError(context.getNode(), `The file in "${propertyName}" is not ${field.kind === 'image' ? 'an image' : 'a video'}`, {
			itemIndex,
			description: `"${fileName}" has the type ${binary.mimeType || 'unknown'}; pass ${field.kind === 'image' ? 'a PNG, JPEG or WebP image' : 'an MP4 video'} in this binary property.`,
		});
	}
	const buffer = await context.helpers.getBinaryDataBuffer(propertyName);
	if (buffer.length === 0) {
		throw new NodeOperationError(context.getNode(), `The file in "${propertyName}" is empty`, {
			itemIndex,
			description: 'The binary property holds 0 bytes; check the node that produced it.',
		});
	}
	return Object.assign(new Blob([new Uint8Array(buffer)], { type: binary.mimeType }), { name: fileName });
}

/** preSend: sends the body as multipart/form-data, with the given file parts taken from the input item. */
export function sendAsMultipart(...files: FileField[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const form = new FormData();
		const fields = withoutEmptyFields((options.body ?? {}) as IDataObject);
		for (const [name, value] of Object.entries(fields)) {
			form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
		}
		for (const field of files) {
			const file = await readFile(this, field);
			form.append(field.part, file, file.name);
		}
		const headers = { ...(options.headers ?? {}) };
		for (const name of Object.keys(headers)) {
			if (name.toLowerCase() === 'content-type') delete headers[name];
		}
		return { ...options, body: form, headers };
	};
}

const sendFieldsAsMultipart = sendAsMultipart();

/** preSend of the "Send as Multipart" option: for servers that refuse JSON creates (vLLM-Omni). */
export async function sendAsMultipartWhenChosen(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (!this.getNodeParameter('options.sendAsMultipart', false) || options.body instanceof FormData) return options;
	return await sendFieldsAsMultipart.call(this, options);
}
