/**
 * An endpoint of the API as data (method, path with `{placeholders}`, the body fields it takes),
 * and the request to it.
 */
import type { IDataObject } from 'n8n-workflow';

import { idSegment } from '../../shared/parameters';
import type { ApiRequest } from '../../shared/transport/request';

export interface Endpoint {
	method: ApiRequest['method'];
	/** Below the Base URL, e.g. `/videos/{video_id}`. */
	path: string;
	/** The fields of its body (JSON, or form fields in multipart) as the API names them. */
	body?: readonly string[];
}

/** How errors name the endpoint, e.g. "GET /videos/{video_id}". */
export function endpointLabel(endpoint: Endpoint): string {
	return `${endpoint.method} ${endpoint.path}`;
}

/** The path with each `{placeholder}` replaced by its ID, URL-encoded as one segment. */
export function pathTo(endpoint: Endpoint, ids: Record<string, string> = {}): string {
	return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => idSegment(ids[name] ?? ''));
}

export function requestTo(endpoint: Endpoint, ids: Record<string, string>, rest: Omit<ApiRequest, 'method' | 'path' | 'endpoint'> = {}): ApiRequest {
	return { method: endpoint.method, path: pathTo(endpoint, ids), endpoint: endpointLabel(endpoint), ...rest };
}

/** The endpoint's body fields among `values`, those left unset (undefined) out. */
export function bodyOf(endpoint: Endpoint, values: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const field of endpoint.body ?? []) if (values[field] !== undefined) body[field] = values[field];
	return body;
}
