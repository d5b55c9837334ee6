/**
 * A /content answer into n8n's binary data store: the file's type and name, the body streamed and
 * counted, a stall, an empty or short body caught, and a JSON answer told apart from a file.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { onBodyChunk } from '../../shared/n8n-internals';
import { readErrorBody, serverMessageOf } from '../../shared/transport/error-body';
import { TransportError } from '../../shared/transport/errors';
import { pause } from '../../shared/transport/pause';
import { redactErrorText } from '../../shared/transport/redact';
import type { Connection } from '../../shared/transport/request';
import { headerValue, type FullResponse } from '../../shared/transport/response';

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
	const stream = body as { destroyed?: boolean };
	let bytes = 0;
	let lastChunkAt = Date.now();
	let finished = false;
	let stalled: Error | undefined;
	const stop = new AbortController();
	onBodyChunk(body, (chunk) => {
		bytes += chunk.length;
		lastChunkAt = Date.now();
	});
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

/** A download that broke off, came empty or short: another try may succeed. */
export class BrokenDownload extends TransportError {
	constructor(
		node: ConstructorParameters<typeof TransportError>[0],
		/** What happened, e.g. "came empty: the server sent 0 bytes". */
		readonly problem: string,
	) {
		super(node, `The download ${problem}`, 'EBODY');
	}
}

export interface StoredFile {
	binary: IBinaryData;
	bytes: number;
}

/**
 * Streams a /content response into n8n's binary data store. A JSON or text answer is an error,
 * and so is an empty body. A body that ends before its Content-Length fails in Node's HTTP parser
 * (and a cut compressed body in zlib), so a truncated file is never passed on. The decoded size is
 * not compared with Content-Length: a server that compresses despite `Accept-Encoding: identity`
 * has it count compressed bytes, and axios decodes the body and drops Content-Encoding. Bytes are
 * counted here, since n8n 1.x's binary metadata has no byte count.
 */
export async function storeContent(connection: Connection, response: FullResponse, videoId: string, variant: string): Promise<StoredFile> {
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
			message: `GET /videos/{video_id}/content answered ${looksLikeJson ? 'JSON' : mimeType} instead of a file for video ${videoId}; the video is probably not ready`,
			description: `${redactErrorText(message ?? 'The server sent no file.', connection.secrets)} The video may not be ready yet; check its status with the Get operation.`,
		});
	}
	const watch = watchBody(response.body, connection.timeoutMs, (reason) => response.abortBody?.(reason));
	let binary: IBinaryData | undefined;
	let failure: Error | undefined;
	try {
		binary = await (context as IExecuteFunctions).helpers.prepareBinaryData(response.body as Buffer, safeFileName(videoId, mimeType), mimeType);
	} catch (error) {
		failure = watch.stalled() ?? (error as Error);
	} finally {
		watch.done();
	}
	if (!binary) throw new BrokenDownload(node, `broke off after ${watch.bytes()} bytes: ${failure?.message}`);
	const bytes = watch.bytes();
	if (bytes === 0) throw new BrokenDownload(node, 'came empty: the server sent 0 bytes');
	// n8n 1.x's binary metadata has only a rounded fileSize text; the count made here is exact.
	// Its HTTP layer also lets a body cut short of its Content-Length end quietly (n8n 2's fails it),
	// so there the count is checked against the declared length.
	if (binary.bytes === undefined) {
		const declared = Number(headerValue(response.headers, 'content-length'));
		if (Number.isFinite(declared) && bytes < declared) throw new BrokenDownload(node, `is incomplete: ${bytes} of ${declared} bytes arrived`);
		binary.bytes = bytes;
	}
	return { binary, bytes };
}

export function withBinary(item: INodeExecutionData, propertyName: string, binary: IBinaryData): INodeExecutionData {
	return { ...item, binary: { ...(item.binary ?? {}), [propertyName]: binary } };
}
