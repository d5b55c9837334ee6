/**
 * One exchange with the server: the URL below the Base URL, the key added by the credential only
 * for the Base URL's origin, every redirect followed by hand (n8n's own following re-sends custom
 * headers and POST bodies to other hosts), a deadline on every request, and every error redacted.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IPollFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { baseUrlOf, credentialIdentityOf, CREDENTIAL_TYPE } from '../credential';
import { keepAbortSignal, runIndexOf } from '../n8n-internals';
import { TIMED_OUT_DESCRIPTION, TransportError } from './errors';
import { gateOf, Semaphore } from './gate';
import { DEFAULT_REQUEST_TIMEOUT_S, MAX_CONCURRENT_REQUESTS, MAX_REDIRECTS } from './limits';
import { pause } from './pause';
import { redactValue, secretsOf } from './redact';
import { headerValue, type FullResponse } from './response';
import { toServerError } from './server-errors';

export type ApiContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface ApiRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** A path below the Base URL, e.g. `/videos/video_123`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | FormData;
	headers?: IDataObject;
	/** Answer the body as a stream (downloads) instead of parsed JSON. */
	stream?: boolean;
	/** Names the endpoint in error messages, e.g. "GET /videos/{video_id}". */
	endpoint: string;
	/** Ends this request early (the deadline of a wait). */
	signal?: AbortSignal;
}

/** What every request of one node run to its server shares. */
export interface Connection {
	context: ApiContext;
	baseUrl: string;
	origin: string;
	/**
	 * What a rate limit belongs to: the origin and the credential's identity (a digest, never the
	 * key). Keys the gate (gate.ts), so two credentials on one server never hold each other back.
	 */
	gateKey: string;
	/** The credential's Ignore SSL Issues: certificates of the Base URL's origin are not verified. */
	allowUnauthorizedCerts: boolean;
	secrets: string[];
	timeoutMs: number;
	/** The execution's cancel signal. */
	cancelSignal?: AbortSignal;
	/** Identifies the node run (execution, node, run index), e.g. for the jobs it started. */
	runKey: string;
	/** The node run's requests in flight (downloads included): at most MAX_CONCURRENT_REQUESTS. */
	slots: Semaphore;
}

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

export function cancelSignalOf(context: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

function runKeyOf(context: ApiContext): string {
	const node = context.getNode();
	const executionId = 'getExecutionId' in context ? context.getExecutionId() : 'poll';
	return `${executionId}|${node.id ?? node.name}|${runIndexOf(context)}`;
}

/** A credential field read for a connection; what cannot work is an error naming it. */
function checked(context: ApiContext, read: () => string, description: string): string {
	try {
		return read();
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, { description });
	}
}

export async function connect(context: ApiContext, timeoutSeconds = DEFAULT_REQUEST_TIMEOUT_S): Promise<Connection> {
	const credentials: ICredentialDataDecryptedObject = await context.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = checked(context, () => baseUrlOf(credentials), 'Correct the Base URL in the OpenAI Videos credential, e.g. https://api.openai.com/v1.');
	const identity = checked(context, () => credentialIdentityOf(credentials), 'Correct the Custom Headers in the OpenAI Videos credential.');
	const origin = new URL(baseUrl).origin;
	return {
		context,
		baseUrl,
		origin,
		gateKey: `${origin} ${identity}`,
		allowUnauthorizedCerts: credentials.allowUnauthorizedCerts === true,
		secrets: secretsOf(credentials),
		timeoutMs: timeoutSeconds * 1000,
		cancelSignal: cancelSignalOf(context),
		runKey: runKeyOf(context),
		slots: new Semaphore(MAX_CONCURRENT_REQUESTS),
	};
}

/** A signal that aborts when any of the given ones does. */
function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal {
	return AbortSignal.any(signals.filter((signal): signal is AbortSignal => !!signal));
}

async function exchange(
	connection: Connection,
	request: ApiRequest,
	url: string,
	method: ApiRequest['method'],
	first: boolean,
): Promise<FullResponse> {
	const { context } = connection;
	// A JSON answer must come whole within the timeout; a stream's body is watched for stalls instead.
	const timeout = request.stream ? undefined : AbortSignal.timeout(connection.timeoutMs);
	const options: IHttpRequestOptions = {
		method,
		url,
		headers: { Accept: request.stream ? '*/*' : 'application/json', ...(request.headers ?? {}) },
		json: !request.stream,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: connection.timeoutMs,
	};
	// Ignore SSL Issues holds for the Base URL's origin only: any other host a redirect leads to is verified.
	if (connection.allowUnauthorizedCerts && new URL(url).origin === connection.origin) options.skipSslCertificateValidation = true;
	keepAbortSignal(options, anySignal(connection.cancelSignal, request.signal, timeout));
	if (first && request.qs) options.qs = request.qs;
	if (method !== 'GET' && request.body !== undefined) options.body = request.body;
	if (request.stream) {
		options.encoding = 'stream';
		// Sizes are judged on the bytes as sent; a compressed body would be judged decoded.
		options.headers = { ...options.headers, 'Accept-Encoding': 'identity' };
	}
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options)) as FullResponse;
	} catch (error) {
		// Our own timeout aborts the request as a cancel; its reason is the TimeoutError.
		throw TransportError.from(context.getNode(), timeout?.aborted ? timeout.reason : error, request, connection, url);
	}
}

function discard(body: unknown): void {
	(body as { destroy?: () => void })?.destroy?.();
}

/** The server's error answer; a streamed one's body must come within the request timeout. */
async function errorOf(connection: Connection, request: ApiRequest, response: FullResponse, body?: AbortController): Promise<Error> {
	const node = connection.context.getNode();
	const reading = toServerError(node, response, request.endpoint, connection.secrets);
	if (!body) return await reading;
	const read = new AbortController();
	void pause(connection.timeoutMs, read.signal).then(() => read.signal.aborted || body.abort());
	const stalled = () =>
		new TransportError(node, `${request.endpoint} answered HTTP ${response.statusCode}, but the rest of its answer did not come within ${Math.round(connection.timeoutMs / 1000)} s`, 'ETIMEDOUT', TIMED_OUT_DESCRIPTION);
	try {
		const error = await reading;
		// A body that stalled is the timeout it is, even when what arrived of it reads as an error.
		return body.signal.aborted ? stalled() : error;
	} catch (error) {
		return body.signal.aborted ? stalled() : (error as Error);
	} finally {
		read.abort();
	}
}

/**
 * Sends the request and follows redirects by hand: at most MAX_REDIRECTS hops; a GET may go to
 * another origin (a signed download URL), where the credential adds nothing; a POST or DELETE is
 * never sent to another origin.
 */
export async function send(connection: Connection, original: ApiRequest): Promise<FullResponse> {
	const node = connection.context.getNode();
	// A streamed body is not covered by the request's timeout: ended by hand when it stalls.
	const body = original.stream ? new AbortController() : undefined;
	const request = body ? { ...original, signal: anySignal(original.signal, body.signal) } : original;
	let url = `${connection.baseUrl}${request.path}`;
	let method = request.method;
	let response = await exchange(connection, request, url, method, true);
	for (let hop = 0; REDIRECT_STATUSES.includes(response.statusCode); hop++) {
		const location = headerValue(response.headers, 'location');
		if (!location) break;
		discard(response.body);
		const next = new URL(location, url);
		if (hop >= MAX_REDIRECTS) {
			throw new TransportError(node, `${request.endpoint} redirected more than ${MAX_REDIRECTS} times; the server's redirects do not end`, 'ERR_TOO_MANY_REDIRECTS');
		}
		if (next.protocol !== 'https:' && next.protocol !== 'http:') {
			throw new TransportError(node, `${request.endpoint} redirected to a ${next.protocol} URL, which is not followed`, 'ERR_REDIRECT_REFUSED');
		}
		if (method !== 'GET' && next.origin !== connection.origin) {
			throw new TransportError(
				node,
				`${request.endpoint} was redirected to another server (${next.origin}); a ${method} is never re-sent to another origin`,
				'ERR_REDIRECT_REFUSED',
				'The request was not repeated there, and no credential left the Base URL\'s server. Point the credential\'s Base URL at the server that answers this API directly.',
			);
		}
		if (response.statusCode === 303) method = 'GET';
		url = next.toString();
		response = await exchange(connection, request, url, method, false);
	}
	if (response.statusCode >= 400) throw await errorOf(connection, request, response, body);
	if (!request.stream) response.body = redactValue(response.body, connection.secrets);
	if (REDIRECT_STATUSES.includes(response.statusCode)) {
		throw new TransportError(node, `${request.endpoint} answered a redirect (HTTP ${response.statusCode}) without a Location`, 'ERR_BAD_REDIRECT');
	}
	gateOf(connection.gateKey).succeeded();
	if (body) response.abortBody = (reason) => body.abort(reason);
	return response;
}
