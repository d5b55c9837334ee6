import { NodeApiError } from 'n8n-workflow';
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { asNodeError, headerValue, readErrorBody, serverMessageOf, ServerError, type FullResponse } from '../transport/errors';
import { pause } from '../transport/pause';
import { redactErrorText } from '../transport/redact';
import type { Connection } from '../transport/request';
import { apiRequest, backoffMs } from '../transport/retry';
import { idSegment } from './inputs';

export type Variant = 'video' | 'thumbnail' | 'spritesheet';

const MIME_TYPE_BY_VARIANT: Record<string, string> = {
	video: 'video/mp4',
	thumbnail: 'image/webp',
	spritesheet: 'image/jpeg',
};

const EXTENSION_BY_MIME_TYPE: Record<string, string> = {
	'video/mp4': 'mp4',
	'video/quicktime': 'mov',
	'video/webm': 'webm',
	'image/webp': 'webp',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/gif': 'gif',
};

export const CONTENT_ENDPOINT = 'GET /videos/{video_id}/content';

export function contentPath(videoId: string): string {
	return `/videos/${idSegment(videoId)}/content`;
}

function mimeTypeOf(response: FullResponse, variant: string): string {
	const declared = headerValue(response.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
	if (!declared || declared === 'application/octet-stream' || declared === 'binary/octet-stream') {
		return MIME_TYPE_BY_VARIANT[variant] ?? 'application/octet-stream';
	}
	return declared;
}

function safeFileName(videoId: string, mimeType: string): string {
	const base = videoId.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 200) || 'video';
	return `${base}.${EXTENSION_BY_MIME_TYPE[mimeType] ?? 'bin'}`;
}

/** Servers answer these while a video is still rendering (or when it failed and has no file). */
const NOT_READY_STATUSES = [400, 404, 409, 422, 500];

async function contentError(connection: Connection, error: unknown, videoId: string): Promise<unknown> {
	if (!(error instanceof ServerError)) return error;
	if (!NOT_READY_STATUSES.includes(error.status) || error.message.startsWith('The server does not offer')) return error;
	return new NodeApiError(connection.context.getNode(), { videoId, status: error.status }, {
		message: `Video ${videoId} is not ready for download, or has no file (HTTP ${error.status}): ${error.serverText}`,
		description: 'Download a video once its status is completed: use Create with Wait for Completion, or check it with Get. A failed video has no file.',
		httpCode: String(error.status),
	});
}

/** The first chunk of a stream, put back so the stream still yields everything. */
async function peek(body: unknown): Promise<Buffer | undefined> {
	const stream = body as {
		read?: () => Buffer | null;
		unshift?: (chunk: Buffer) => void;
		once: (event: string, listener: () => void) => void;
		readableEnded?: boolean;
	};
	if (typeof stream?.read !== 'function' || typeof stream.unshift !== 'function') return undefined;
	let chunk = stream.read();
	while (chunk === null && !stream.readableEnded) {
		await new Promise<void>((resolve) => {
			stream.once('readable', resolve);
			stream.once('end', resolve);
			stream.once('error', resolve);
		});
		chunk = stream.read();
	}
	if (chunk) stream.unshift(chunk);
	return chunk ?? undefined;
}

/**
 * A body that stops flowing: n8n's request timeout covers only the wait for the headers. A stall
 * aborts the request (`abort`): axios then fails the body and closes the socket. Destroying the
 * body instead hangs, since axios hands out a Readable.from() wrapper whose destroy waits for the
 * next chunk.
 */
function watchBody(body: unknown, stallMs: number, abort: (reason: Error) => void): { bytes: () => number; done: () => void; stalled: () => Error | undefined } {
	const stream = body as {
		emit: (event: string | symbol, ...args: unknown[]) => boolean;
		destroyed?: boolean;
	};
	let bytes = 0;
	let lastChunkAt = Date.now();
	let finished = false;
	let stalled: Error | undefined;
	const stop = new AbortController();
	// Counts the chunks as the store reads them, whichever way it reads (pipe, 'data' events or
	// read()): listening for 'data' ourselves would start the flow, or keep a paused stream paused.
	const emit = stream.emit;
	stream.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
		if (event === 'data') {
			bytes += (args[0] as Buffer).length;
			lastChunkAt = Date.now();
		}
		return emit.call(this, event, ...args);
	};
	void (async () => {
		while (!finished && !stalled && !stream.destroyed) {
			await pause(Math.min(1_000, stallMs), stop.signal);
			if (!finished && Date.now() - lastChunkAt > stallMs) {
				stalled = new Error(`no data for ${Math.round(stallMs / 1000)} s`);
				abort(stalled);
			}
		}
	})();
	return {
		bytes: () => bytes,
		done: () => {
			finished = true;
			stop.abort();
		},
		stalled: () => stalled,
	};
}

/**
 * Streams a /content response into n8n's binary data store. A JSON or text answer is an error,
 * and so is an empty body. A body that ends before its Content-Length fails in Node's HTTP parser
 * (and a cut compressed body in zlib), so a truncated file is never passed on. The decoded size is
 * not compared with Content-Length: a server that compresses despite `Accept-Encoding: identity`
 * has it count compressed bytes, and axios decodes the body and drops Content-Encoding. Bytes are
 * counted here, since n8n 1.x's binary metadata has no byte count.
 */
async function storeContent(
	connection: Connection,
	response: FullResponse,
	videoId: string,
	variant: string,
	abort: (reason: Error) => void,
): Promise<StoredFile | BrokenDownload> {
	const { context } = connection;
	const node = context.getNode();
	const mimeType = mimeTypeOf(response, variant);
	// Some gateways answer "video/mp4" with a JSON error body while the video is not ready.
	const isText = mimeType === 'application/json' || mimeType.startsWith('text/');
	const first = isText ? undefined : await peek(response.body);
	const looksLikeJson = first?.toString('utf8', 0, 16).trimStart().startsWith('{') === true;
	if (isText || looksLikeJson) {
		const { message } = serverMessageOf(await readErrorBody(response.body));
		throw new NodeApiError(node, { videoId }, {
			message: `${CONTENT_ENDPOINT} answered ${looksLikeJson ? 'JSON' : mimeType} instead of a file for video ${videoId}; the video is probably not ready`,
			description: `${redactErrorText(message ?? 'The server sent no file.', connection.secrets)} The video may not be ready yet; check its status with the Get operation.`,
		});
	}
	const watch = watchBody(response.body, connection.timeoutMs, abort);
	let binary: IBinaryData;
	try {
		binary = await (context as IExecuteFunctions).helpers.prepareBinaryData(response.body as Buffer, safeFileName(videoId, mimeType), mimeType);
	} catch (error) {
		return { broken: `broke off after ${watch.bytes()} bytes: ${(watch.stalled() ?? (error as Error)).message}` };
	} finally {
		watch.done();
	}
	const bytes = watch.bytes();
	if (bytes === 0) return { broken: 'came empty: the server sent 0 bytes' };
	// n8n 1.x's binary metadata has only a rounded fileSize text; the count made here is exact.
	// Its HTTP layer also lets a body cut short of its Content-Length end quietly (n8n 2's fails it),
	// so there the count is checked against the declared length.
	if (binary.bytes === undefined) {
		const declared = Number(headerValue(response.headers, 'content-length'));
		if (Number.isFinite(declared) && bytes < declared) return { broken: `is incomplete: ${bytes} of ${declared} bytes arrived` };
		binary.bytes = bytes;
	}
	return { binary, bytes };
}

/** A download that broke off, why; another try may succeed. */
interface BrokenDownload {
	broken: string;
}

export interface StoredFile {
	binary: IBinaryData;
	bytes: number;
}

/**
 * Downloads one variant of a video as binary data. A body that breaks off, stalls or comes short
 * is fetched again from the start, up to Max Retries times; the job is never created again.
 */
export async function downloadVideo(
	connection: Connection,
	videoId: string,
	variant: string,
	maxRetries: number,
	query: IDataObject = {},
): Promise<StoredFile> {
	const request = {
		method: 'GET' as const,
		path: contentPath(videoId),
		qs: { ...query, variant },
		stream: true,
		endpoint: CONTENT_ENDPOINT,
	};
	let lastProblem = '';
	for (let attempt = 0; attempt <= maxRetries; attempt++) {
		if (attempt > 0) await pause(backoffMs(attempt - 1), connection.cancelSignal);
		if (connection.cancelSignal?.aborted) break;
		// Aborted when the body stalls; the request's signal also carries the execution's cancel.
		const stall = new AbortController();
		let response: FullResponse;
		try {
			response = await apiRequest(connection, { ...request, signal: stall.signal }, 'idempotent', maxRetries);
		} catch (error) {
			throw asNodeError(connection.context.getNode(), await contentError(connection, error, videoId));
		}
		const stored = await storeContent(connection, response, videoId, variant, (reason) => stall.abort(reason));
		if (!('broken' in stored)) return stored;
		lastProblem = stored.broken;
	}
	throw new NodeApiError(connection.context.getNode(), { videoId } as JsonObject, {
		message: `The download of video ${videoId} ${lastProblem || 'was cancelled'} (${maxRetries + 1} ${maxRetries === 0 ? 'try' : 'tries'})`,
		description: `The video is still on the server: download it later with the Download operation (ID ${videoId}).`,
	});
}

export function withBinary(item: INodeExecutionData, propertyName: string, binary: IBinaryData): INodeExecutionData {
	return { ...item, binary: { ...(item.binary ?? {}), [propertyName]: binary } };
}
