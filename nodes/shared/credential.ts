/**
 * What the credential's fields mean for a request, for the credential type (its `authenticate`) and
 * the transport of both nodes. All take the decrypted credential data:
 *   normalizeBaseUrl(baseUrl)        the Base URL requests start from: without query string and
 *                                    fragment, without trailing slashes, a bare origin completed with
 *                                    /v1, an Azure-style `…/openai` with /v1. Never throws.
 *   baseUrlOf(credentials)           the same, checked: throws an Error naming the field "Base URL"
 *                                    when it is empty, not a URL, or not http(s)
 *   credentialQueryOf(credentials)   the query every request to the Base URL's origin carries: the
 *                                    Base URL's own query string (Azure's `?api-version=…`), then the
 *                                    Query Parameters field (which wins)
 *   credentialHeadersOf(credentials) the headers every request to that origin carries: the key,
 *                                    OpenAI-Organization / OpenAI-Project when filled, then the Custom
 *                                    Headers (which win, as in n8n's own OpenAI credential)
 *   isBaseUrlOrigin(credentials, url) whether an absolute URL is on the Base URL's origin
 *   credentialIdentityOf(credentials) what a rate limit belongs to: a digest of the key and of every
 *                                    header that names an account (OpenAI-Organization, OpenAI-Project,
 *                                    Custom Headers), never the key itself
 *
 * Precedence of query parameters on a request to the Base URL's origin, lowest first: the Base URL's
 * query string < the Query Parameters field < the request's own `qs` < a parameter already written in
 * the request's URL (a redirect's Location). A request for any other origin gets nothing from the
 * credential.
 */
import { createHmac, randomBytes } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'openAiVideosApi';

type Credentials = ICredentialDataDecryptedObject;

const FIELD = 'Base URL';
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function withoutQuery(baseUrl: unknown): string {
	return String(baseUrl ?? '').trim().replace(/[?#][\s\S]*$/, '');
}

/** The Base URL requests start from (see the exports above); does not check it. */
export function normalizeBaseUrl(baseUrl: unknown): string {
	const trimmed = withoutQuery(baseUrl).replace(/\/+$/, '');
	if (/^https?:\/\/[^/]+$/i.test(trimmed)) return `${trimmed}/v1`;
	if (/\/openai$/i.test(trimmed)) return `${trimmed}/v1`;
	return trimmed;
}

/** The normalized Base URL of the credential; throws an Error naming the field when it cannot work. */
export function baseUrlOf(credentials: Credentials): string {
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	// Shown without a user:password part.
	const shown = JSON.stringify(baseUrl.replace(/\/\/[^/@]*@/, '//…@').slice(0, 200));
	if (baseUrl === '') {
		throw new Error(`The credential's ${FIELD} is empty: enter the server's address, e.g. https://api.openai.com/v1`);
	}
	let url: URL | undefined;
	try {
		url = new URL(baseUrl);
	} catch {
		// Not a URL: said below.
	}
	if (!url) {
		throw new Error(`The credential's ${FIELD} ${shown} is not a URL: enter an http(s) address, e.g. https://api.openai.com/v1`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new Error(`The credential's ${FIELD} ${shown} uses ${url.protocol.replace(/:$/, '')}: only http and https addresses work`);
	}
	return baseUrl;
}

export function baseUrlOriginOf(credentials: Credentials): string {
	return new URL(baseUrlOf(credentials)).origin;
}

export function isBaseUrlOrigin(credentials: Credentials, url: string): boolean {
	try {
		return new URL(url).origin === baseUrlOriginOf(credentials);
	} catch {
		return false;
	}
}

/** The name/value rows of a fixedCollection field ({ values: [{ name, value }] }), blank names left out. */
function rowsOf(field: unknown): Array<[string, string]> {
	const values = (field as { values?: unknown } | undefined)?.values;
	if (!Array.isArray(values)) return [];
	return values
		.map((row: IDataObject) => [String(row?.name ?? '').trim(), String(row?.value ?? '')] as [string, string])
		.filter(([name]) => name !== '');
}

/** The query string written in a URL (without its fragment). */
export function queryIn(url: string): URLSearchParams {
	const at = url.indexOf('?');
	return new URLSearchParams(at < 0 ? '' : url.slice(at + 1).replace(/#[\s\S]*$/, ''));
}

export function credentialQueryOf(credentials: Credentials): Record<string, string> {
	const query: Record<string, string> = {};
	for (const [name, value] of queryIn(String(credentials.baseUrl ?? '').trim())) query[name] = value;
	for (const [name, value] of rowsOf(credentials.queryParameters)) query[name] = value;
	return query;
}

/** Sets a header, replacing any spelling of the same name (header names are case-insensitive). */
export function setHeader(headers: Record<string, unknown>, name: string, value: string): void {
	for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
	headers[name] = value;
}

export function credentialHeadersOf(credentials: Credentials): Record<string, string> {
	const headers: Record<string, string> = {};
	if (credentials.authHeader === 'apiKey') headers['api-key'] = String(credentials.apiKey ?? '');
	else headers.Authorization = `Bearer ${String(credentials.apiKey ?? '')}`;
	if (credentials.organizationId) headers['OpenAI-Organization'] = String(credentials.organizationId);
	if (credentials.projectId) headers['OpenAI-Project'] = String(credentials.projectId);
	for (const [name, value] of rowsOf(credentials.customHeaders)) {
		if (!HEADER_NAME.test(name)) {
			throw new Error(`The credential's Custom Headers has an invalid header name ${JSON.stringify(name.slice(0, 100))}`);
		}
		if (/[\r\n\0]/.test(value)) throw new Error(`The credential's Custom Headers: the value of ${name} contains a line break`);
		setHeader(headers, name, value);
	}
	return headers;
}

export const isAbsolute = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

/** Keys the identity digest: it cannot be matched against a guessed key outside this process. */
const IDENTITY_SECRET = randomBytes(32);

/**
 * The credential's identity (see above): header names count in any case and order; what names no
 * account (the Base URL's spelling, Query Parameters, Ignore SSL Issues) does not count. Throws like
 * credentialHeadersOf on a Custom Header that cannot be sent.
 */
export function credentialIdentityOf(credentials: Credentials): string {
	const headers = Object.entries(credentialHeadersOf(credentials))
		.map(([name, value]) => [name.toLowerCase(), value])
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(headers)).digest('hex');
}
