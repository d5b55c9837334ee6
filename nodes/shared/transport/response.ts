/** A response as n8n's HTTP helper returns it, and what is read off its headers. */
import type { IDataObject } from 'n8n-workflow';

/** With `returnFullResponse`. */
export interface FullResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	/** A streamed answer only: ends the request, and with it the body (a body that stalls). */
	abortBody?: (reason: Error) => void;
}

export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return String(Array.isArray(value) ? value[0] : value);
}

/** `retry-after-ms` or `retry-after` (seconds or an HTTP date), in milliseconds. */
export function retryAfterMsOf(headers: IDataObject | undefined): number | undefined {
	const ms = Number(headerValue(headers, 'retry-after-ms'));
	if (Number.isFinite(ms) && ms >= 0) return ms;
	const after = headerValue(headers, 'retry-after');
	if (after === undefined) return undefined;
	const seconds = Number(after);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(after);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
