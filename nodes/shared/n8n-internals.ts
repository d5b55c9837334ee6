/**
 * Every place where the package relies on n8n behaving in a way its types do not promise. Each
 * says why it is needed; test/shared/n8n-internals.test.ts fails when n8n changes under one of them.
 */
import type { IHttpRequestOptions, NodeApiError } from 'n8n-workflow';

/**
 * n8n's httpRequestWithAuthentication overwrites `abortSignal` with the execution's cancel signal,
 * which would drop every deadline. The signal given here already contains that cancel signal, so
 * the overwrite is ignored.
 */
export function keepAbortSignal(options: IHttpRequestOptions, signal: AbortSignal): IHttpRequestOptions {
	return Object.defineProperty(options, 'abortSignal', { get: () => signal, set: () => {}, enumerable: true, configurable: true });
}

/**
 * NodeApiError swaps a message that mentions ECONNREFUSED, ETIMEDOUT… for a generic one, and
 * subclasses would be shown and serialized under their own class name: keep our words, and the
 * name n8n knows.
 */
export function keepOwnMessage(error: NodeApiError, message: string): void {
	error.message = message;
	error.name = 'NodeApiError';
}

/**
 * The run index of the node in this execution (n8n's Retry On Fail runs it again with the same
 * index; a loop back to the node gives a new one). ExecuteContext has it, IExecuteFunctions does not
 * declare it.
 */
export function runIndexOf(context: object): number {
	const runIndex = (context as { runIndex?: unknown }).runIndex;
	return typeof runIndex === 'number' ? runIndex : 0;
}

/**
 * Calls `listener` with each chunk of a response body as n8n's binary store reads it, whichever way
 * it reads (pipe, 'data' listeners, read()): listening for 'data' ourselves would start the flow of
 * a paused stream, and n8n's in-memory and database modes read with 'data' listeners only.
 */
export function onBodyChunk(body: unknown, listener: (chunk: Buffer) => void): void {
	const stream = body as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
	const emit = stream.emit;
	stream.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
		if (event === 'data') listener(args[0] as Buffer);
		return emit.call(this, event, ...args);
	};
}
