import { NodeApiError } from 'n8n-workflow';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { normalizeBaseUrl } from '../../../credentials/OpenAiVideosApi.credentials';
import { headerValue, readErrorBody, serverMessageOf, toServerError, type FullResponse } from '../transport/errors';
import { apiRequest, CREDENTIAL_TYPE, type ApiContext } from '../transport/request';

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
	return `/videos/${encodeURIComponent(videoId)}/content`;
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

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 5;

function discard(body: unknown): void {
	(body as { destroy?: () => void })?.destroy?.();
}

/**
 * Follows redirects by hand: n8n's own following re-sends custom headers (OpenAI-Organization,
 * api-key) to other hosts. Each hop goes through the credential, which only adds the key for
 * the configured base URL's origin, so a signed URL elsewhere never sees it.
 */
async function followRedirects(context: ApiContext, response: FullResponse, videoId: string): Promise<FullResponse> {
	const { baseUrl } = await context.getCredentials(CREDENTIAL_TYPE);
	let url = `${normalizeBaseUrl(baseUrl)}${contentPath(videoId)}`;
	for (let hop = 0; hop < MAX_REDIRECTS && REDIRECT_STATUSES.includes(response.statusCode); hop++) {
		const location = headerValue(response.headers, 'location');
		if (!location) break;
		discard(response.body);
		url = new URL(location, url).toString();
		response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: 'GET',
			url,
			encoding: 'stream',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
		})) as FullResponse;
	}
	return response;
}

/** Servers answer these while a video is still rendering (or when it failed and has no file). */
const NOT_READY_STATUSES = [400, 404, 409, 422, 500];

async function contentError(context: ApiContext, response: FullResponse, videoId: string): Promise<NodeApiError> {
	const error = await toServerError(context.getNode(), response, CONTENT_ENDPOINT);
	if (!NOT_READY_STATUSES.includes(error.status) || error.message.startsWith('The server does not offer')) return error;
	return new NodeApiError(context.getNode(), { videoId, status: error.status }, {
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

/** Takes a /content answer (redirects followed) into the binary data store, or fails clearly. */
export async function receiveContent(
	context: ApiContext,
	response: FullResponse,
	videoId: string,
	variant: string,
): Promise<IBinaryData> {
	const final = await followRedirects(context, response, videoId);
	if (final.statusCode >= 300) throw await contentError(context, final, videoId);
	return await storeContent(context, final, videoId, variant);
}

/**
 * Streams a /content response into n8n's binary data store. A JSON or text answer is an error,
 * and so is a body that ends before its Content-Length: a truncated file is never passed on.
 */
async function storeContent(
	context: ApiContext,
	response: FullResponse,
	videoId: string,
	variant: string,
): Promise<IBinaryData> {
	const node = context.getNode();
	const mimeType = mimeTypeOf(response, variant);
	// Some gateways answer "video/mp4" with a JSON error body while the video is not ready.
	const isText = mimeType === 'application/json' || mimeType.startsWith('text/');
	const looksLikeJson = !isText && (await peek(response.body))?.toString('utf8', 0, 16).trimStart().startsWith('{');
	if (isText || looksLikeJson) {
		const { message } = serverMessageOf(await readErrorBody(response.body));
		throw new NodeApiError(node, { videoId }, {
			message: `${CONTENT_ENDPOINT} answered ${looksLikeJson ? 'JSON' : mimeType} instead of a file for video ${videoId}; the video is probably not ready`,
			description: `${message ?? 'The server sent no file.'} The video may not be ready yet; check its status with the Get operation.`,
		});
	}
	const expectedBytes = Number(headerValue(response.headers, 'content-length'));
	let binary: IBinaryData;
	try {
		binary = await context.helpers.prepareBinaryData(
			response.body as Buffer,
			safeFileName(videoId, mimeType),
			mimeType,
		);
	} catch (error) {
		throw new NodeApiError(node, { videoId }, {
			message: `The download of video ${videoId} broke off: ${(error as Error).message}`,
			description: 'The connection closed before the whole file arrived. Run the Download operation again.',
		});
	}
	if (Number.isFinite(expectedBytes) && binary.bytes !== undefined && binary.bytes < expectedBytes) {
		throw new NodeApiError(node, { videoId }, {
			message: `The download of video ${videoId} is incomplete: ${binary.bytes} of ${expectedBytes} bytes arrived`,
			description: 'The connection closed before the whole file arrived. Run the Download operation again.',
		});
	}
	return binary;
}

/** Downloads one variant of a video as binary data (used after a wait and by the trigger). */
export async function downloadVideo(
	context: ApiContext,
	videoId: string,
	variant: string,
	maxRetries?: number,
): Promise<IBinaryData> {
	const response = await apiRequest(
		context,
		{
			method: 'GET',
			url: contentPath(videoId),
			qs: { variant },
			encoding: 'stream',
			disableFollowRedirect: true,
			endpoint: CONTENT_ENDPOINT,
		},
		'idempotent',
		maxRetries,
	);
	return await receiveContent(context, response, videoId, variant);
}

export function withBinary(item: INodeExecutionData, propertyName: string, binary: IBinaryData): INodeExecutionData {
	return { ...item, binary: { ...(item.binary ?? {}), [propertyName]: binary } };
}
