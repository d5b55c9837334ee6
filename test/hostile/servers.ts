/**
 * Small hostile `node:http` servers for the hostile-server tests: each host records every request
 * (method, raw path as received, headers, body, arrival time) and answers with the test's own
 * handler. `home` is the credential's Base URL (127.0.0.1), `other` is another host (127.0.0.2).
 * A TLS host (`startHost(address, handle, TEST_TLS)`) answers https with the self-signed test
 * certificate in ./tls and plain http on the same port, so a redirect from https to http on the
 * very same host and port can be watched.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import type { SecureContextOptions } from 'node:tls';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type RunNodeOptions, type RunNodeResult } from '../harness/run-node';

/** The key of every hostile test: long enough that any echo of it is unmistakable. */
export const KEY = 'sk-hostile-7Hq2Vx9LmP4rT8wZ1cN6bJ3k';
export const ORGANIZATION = 'org-hostile-secret-org';
export const PROJECT = 'proj-hostile-secret-project';

/** Headers that carry the credential; none may reach another origin. */
export const CREDENTIAL_HEADERS = ['authorization', 'api-key', 'openai-organization', 'openai-project', 'cookie', 'proxy-authorization'];

export interface Received {
	/** `https` when the request came over TLS. */
	scheme: 'http' | 'https';
	method: string;
	/** The request target exactly as received, percent-encoding and query intact. */
	url: string;
	/** `url` without its query. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
	receivedAt: number;
	/** When the client closed the connection of this request (aborted or done). */
	closedAt?: number;
}

export type Handler = (request: Received, response: ServerResponse) => unknown;

export interface Host {
	/** e.g. http://127.0.0.1:4321 (https://… for a TLS host) */
	origin: string;
	/** The same host and port over plain http (a TLS host answers both). */
	plainOrigin: string;
	/** TCP connections accepted: a TLS handshake the client broke off leaves no request, only this. */
	connections: number;
	/** The Base URL of the credential: origin + /v1. */
	baseUrl: string;
	requests: Received[];
	handle: Handler;
	close(): Promise<void>;
}

/** The self-signed, test-only certificate (and its key) of 127.0.0.1, 127.0.0.2 and localhost, valid 2000–2199. */
export const TEST_TLS: SecureContextOptions = {
	key: readFileSync(join(__dirname, 'tls', 'key.pem')),
	cert: readFileSync(join(__dirname, 'tls', 'cert.pem')),
};

/**
 * The socket as a JavaScript stream that starts with `first`: TLS reads a net.Socket's handle
 * directly and would miss a chunk already read, but reads a JavaScript stream through its events.
 */
function streamOf(socket: Socket, first: Buffer): Duplex {
	const stream = new Duplex({
		read: () => socket.resume(),
		write: (chunk: Buffer, _encoding, done) => socket.write(chunk, done),
		final: (done) => socket.end(done),
		destroy: (error, done) => {
			socket.destroy();
			done(error);
		},
	});
	stream.push(first);
	socket.on('data', (chunk: Buffer) => stream.push(chunk) || socket.pause());
	socket.on('end', () => stream.push(null));
	socket.on('close', () => stream.destroy());
	return stream;
}

export async function startHost(address = '127.0.0.1', handle: Handler = notFound, tls?: SecureContextOptions): Promise<Host> {
	const sockets = new Set<Socket>();
	const host = { requests: [] as Received[], handle, connections: 0 } as Host;
	const listener = (scheme: Received['scheme']) => (incoming: IncomingMessage, response: ServerResponse) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const url = incoming.url ?? '/';
			const parsed = new URL(url, 'http://x');
			const received: Received = {
				scheme,
				method: incoming.method ?? 'GET',
				url,
				path: url.split('?')[0],
				query: parsed.searchParams,
				headers: incoming.headers,
				body: Buffer.concat(chunks),
				receivedAt: Date.now(),
			};
			host.requests.push(received);
			response.on('close', () => (received.closedAt = Date.now()));
			Promise.resolve(host.handle(received, response)).catch((error: Error) => {
				if (!response.headersSent) response.writeHead(500).end(String(error));
			});
		});
	};
	const plain: Server = createServer(listener('http'));
	const secure = tls ? createHttpsServer(tls, listener('https')) : undefined;
	// One port for both: a connection whose first byte opens a TLS handshake (0x16) goes to https.
	const server = createNetServer((socket) => {
		host.connections++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => {});
		socket.once('data', (first: Buffer) => {
			socket.pause();
			if (secure && first[0] === 0x16) {
				secure.emit('connection', streamOf(socket, first));
			} else {
				socket.unshift(first);
				plain.emit('connection', socket);
			}
			socket.resume();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, address, resolve));
	const port = (server.address() as AddressInfo).port;
	host.plainOrigin = `http://${address}:${port}`;
	host.origin = tls ? `https://${address}:${port}` : host.plainOrigin;
	host.baseUrl = `${host.origin}/v1`;
	host.close = async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return host;
}

/** A fresh home and other host for each test (each origin has its own rate-limit gate). */
export function useHosts() {
	const hosts = { home: undefined as unknown as Host, other: undefined as unknown as Host };
	beforeEach(async () => {
		hosts.home = await startHost('127.0.0.1');
		hosts.other = await startHost('127.0.0.2');
	});
	afterEach(async () => {
		await hosts.home.close();
		await hosts.other.close();
	});
	return hosts;
}

export function notFound(_request: Received, response: ServerResponse): void {
	sendJson(response, 404, { error: { message: 'Unknown route', code: 'unknown_route' } });
}

export function sendJson(response: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
	const body = Buffer.from(JSON.stringify(json));
	response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length), ...headers }).end(body);
}

/** Never answers; the request stays open until the client gives up. */
export function hang(): void {}

export const MP4 = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(64, 7)]);

export function video(id: string, status = 'completed', extra: IDataObject = {}): IDataObject {
	return { id, object: 'video', model: 'sora-2', status, progress: status === 'completed' ? 100 : 10, created_at: 1_760_000_000, seconds: '4', size: '720x1280', ...extra };
}

/**
 * Answers like the API: a video for GET /videos/{id}, a list for GET /videos, an MP4 for
 * /content, a queued job for POST, a deletion for DELETE.
 */
export const apiLike: Handler = (request, response) => {
	const path = request.path.replace(/^\/v1/, '');
	const id = decodeURIComponent(path.split('/')[2] ?? 'video_1');
	if (request.method === 'GET' && path.endsWith('/content')) {
		response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(MP4.length) }).end(MP4);
	} else if (request.method === 'GET' && path === '/videos') {
		sendJson(response, 200, { object: 'list', data: [video('video_listed')], has_more: false, last_id: 'video_listed' });
	} else if (request.method === 'GET') {
		sendJson(response, 200, video(id));
	} else if (request.method === 'POST') {
		sendJson(response, 200, video('video_new', 'queued'));
	} else if (request.method === 'DELETE') {
		sendJson(response, 200, { id, object: 'video.deleted', deleted: true });
	} else {
		notFound(request, response);
	}
};

/** A redirect to `location` (relative or absolute). */
export function redirect(response: ServerResponse, status: number, location: string, headers: Record<string, string> = {}): void {
	response.writeHead(status, { location, 'content-length': '0', ...headers }).end();
}

export function credentialsOf(host: Host, extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { apiKey: KEY, baseUrl: host.baseUrl, authHeader: 'bearer', organizationId: ORGANIZATION, projectId: PROJECT, ...extra };
}

/** Runs the node against `host`, the test's credential and parameters. */
export async function runAgainst(
	host: Host,
	parameters: INodeParameters,
	options: Partial<Omit<RunNodeOptions, 'parameters'>> = {},
): Promise<RunNodeResult & { ms: number }> {
	const started = Date.now();
	const result = await runNode({ credentials: credentialsOf(host), ...options, parameters });
	return { ...result, ms: Date.now() - started };
}

/** The credential headers a request carried. */
export function credentialHeadersOf(request: Received): Record<string, string> {
	return Object.fromEntries(
		CREDENTIAL_HEADERS.filter((name) => request.headers[name] !== undefined).map((name) => [name, String(request.headers[name])]),
	);
}

/** Creates answer a queued job (with a poll hint); everything else goes to `rest`. */
export function jobServer(rest: Handler, hintMs = '1'): Handler {
	return (request, response) => {
		if (request.method === 'POST') return sendJson(response, 200, video('video_new', 'queued'), { 'openai-poll-after-ms': hintMs });
		return rest(request, response);
	};
}

/** Headers and the first bytes of an MP4, then nothing more. */
export function stalledFile(_request: Received, response: ServerResponse): void {
	response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '100000' });
	response.write(MP4);
}

/** Waits (briefly) until a host's records meet `condition`. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
}
