/** The errors of the transport: an error answer of the server, and a request without a usable answer. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { keepOwnMessage } from '../n8n-internals';
import { redactErrorText } from './redact';

/** An HTTP error answer of the server, with what a retry needs to know. */
export class ServerError extends NodeApiError {
	/** A 429 about quota or billing, which retrying does not fix. */
	readonly isQuota: boolean;

	constructor(
		node: INode,
		readonly status: number,
		/** The server's own words about the error. */
		readonly serverText: string,
		message: string,
		readonly retryAfterMs: number | undefined,
		details: JsonObject,
	) {
		super(node, details, { message, httpCode: String(status), description: details.serverMessage as string });
		keepOwnMessage(this, message);
		this.isQuota = details.quota === true;
	}
}

export const TIMED_OUT_DESCRIPTION = 'The server did not answer within the Request Timeout option. It may be overloaded or stuck.';

const CONNECTION_CODE = /^(E[A-Z]+|ERR_[A-Z_]+)$/;

function errorCodeOf(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown; name?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && CONNECTION_CODE.test(current.code)) return current.code;
		if (current.name === 'AbortError' || current.name === 'TimeoutError') return String(current.name);
		current = current.cause as typeof current;
	}
	return undefined;
}

/** Node's codes for a server certificate that cannot be verified (self-signed, unknown CA, expired, another name…). */
const CERTIFICATE_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH/;

/** Node's words about a server certificate that could not be verified (e.g. "self-signed certificate"), from an error or its causes. */
export function certificateProblemOf(error: unknown): string | undefined {
	let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && CERTIFICATE_CODE.test(current.code)) {
			return typeof current.message === 'string' && current.message ? current.message : current.code;
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

export const IGNORE_SSL_ISSUES_HINT =
	'If this server uses its own certificate (self-signed or from an internal CA), turn on Ignore SSL Issues (Insecure) in the OpenAI Videos credential.';

interface RequestFacts {
	endpoint: string;
	signal?: AbortSignal;
}

interface ConnectionFacts {
	secrets: string[];
	timeoutMs: number;
	cancelSignal?: AbortSignal;
	/** The Base URL's origin. */
	origin: string;
}

/** A certificate that failed: the handshake ended before anything was sent (not retried, no job started). */
function certificateError(node: INode, endpoint: string, problem: string, origin: string, home: boolean): TransportError {
	return new TransportError(
		node,
		`${endpoint} failed: the certificate of ${origin} could not be verified (${problem})`,
		'ERR_TLS_CERTIFICATE',
		home
			? IGNORE_SSL_ISSUES_HINT
			: "A redirect led there, to another host than the Base URL's: its certificate is always verified, whatever Ignore SSL Issues says. Nothing was sent to it.",
	);
}

/**
 * A request that got no (usable) answer: refused, reset, timed out, stopped. Built from our own
 * words only: n8n's error of the HTTP layer carries the request's headers, the key among them.
 */
export class TransportError extends NodeApiError {
	constructor(
		node: INode,
		message: string,
		readonly code: string,
		description?: string,
	) {
		super(node, { code } as JsonObject, { message, description });
		keepOwnMessage(this, message);
	}

	/** Whether the request may have reached the server: it was sent, then the answer failed. */
	get maybeReceived(): boolean {
		return this.code !== 'ECONNREFUSED' && this.code !== 'ENOTFOUND' && this.code !== 'EAI_AGAIN' && this.code !== 'CANCELLED';
	}

	/** `url` is the URL the request went to (a redirect may lead off the Base URL's origin). */
	static from(node: INode, error: unknown, request: RequestFacts, connection: ConnectionFacts, url: string): TransportError {
		if (connection.cancelSignal?.aborted) {
			return new TransportError(node, `${request.endpoint} stopped: the execution was cancelled`, 'CANCELLED');
		}
		if (request.signal?.aborted) {
			return new TransportError(node, `${request.endpoint} got no answer before the wait's deadline`, 'DEADLINE');
		}
		const certificate = certificateProblemOf(error);
		if (certificate) {
			const { origin } = new URL(url);
			return certificateError(node, request.endpoint, certificate, origin, origin === connection.origin);
		}
		const code = errorCodeOf(error) ?? 'EUNKNOWN';
		const seconds = Math.round(connection.timeoutMs / 1000);
		if (code === 'TimeoutError' || code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String((error as Error)?.message))) {
			return new TransportError(node, `${request.endpoint} got no answer within ${seconds} s`, 'ETIMEDOUT', TIMED_OUT_DESCRIPTION);
		}
		const text = redactErrorText(String((error as Error)?.message ?? error), connection.secrets).slice(0, 300);
		return new TransportError(node, `${request.endpoint} failed: ${text}`, code, 'The connection to the server failed.');
	}
}

/** An error as n8n shows it: ours are NodeApiErrors or NodeOperationErrors already. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(node, { message: String((error as Error)?.message ?? error) } as JsonObject, {
		message: String((error as Error)?.message ?? error),
	});
}
