/** Reading what a server says in an error answer, whatever shape it uses. */
import type { IDataObject } from 'n8n-workflow';

import { MAX_ERROR_BODY_BYTES } from './limits';

function isReadable(body: unknown): body is AsyncIterable<Buffer> & { destroy(): void } {
	return typeof (body as { pipe?: unknown })?.pipe === 'function';
}

/** Reads a (possibly streamed) error body, at most 64 KiB of it, as parsed JSON or text. */
export async function readErrorBody(body: unknown): Promise<unknown> {
	let text: string;
	if (isReadable(body)) {
		const chunks: Buffer[] = [];
		let size = 0;
		try {
			for await (const chunk of body) {
				chunks.push(Buffer.from(chunk));
				size += chunk.length;
				if (size >= MAX_ERROR_BODY_BYTES) break;
			}
		} catch {
			// A body cut short: what arrived is all there is to tell.
		}
		body.destroy();
		text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY_BYTES);
	} else if (Buffer.isBuffer(body) || body instanceof ArrayBuffer) {
		text = Buffer.from(body as Buffer).toString('utf8');
	} else if (typeof body === 'string') {
		text = body;
	} else {
		return body;
	}
	try {
		return JSON.parse(text);
	} catch {
		return text.trim();
	}
}

/** The server's own words from any of the error shapes servers use. */
export function serverMessageOf(body: unknown): { message?: string; code?: string; type?: string } {
	if (typeof body === 'string') return { message: body.slice(0, 500) || undefined };
	if (!body || typeof body !== 'object') return {};
	const data = body as IDataObject;
	const error = data.error;
	if (error && typeof error === 'object') {
		const { message, code, type } = error as IDataObject;
		return {
			message: typeof message === 'string' ? message : undefined,
			code: code === undefined || code === null ? undefined : String(code),
			type: typeof type === 'string' ? type : undefined,
		};
	}
	if (typeof error === 'string') return { message: error };
	const detail = data.detail ?? data.message;
	if (typeof detail === 'string') return { message: detail };
	if (detail !== undefined) return { message: JSON.stringify(detail).slice(0, 500) };
	return {};
}
