/**
 * The OpenAI Videos credential, and what the node's transport needs to know about it.
 *
 * Exports (all take the decrypted credential data, or its Base URL):
 *   OpenAiVideosApi                       the credential type; its `authenticate` adds the key, the
 *                                         OpenAI-* headers, the Custom Headers and the query parameters
 *                                         below, and only to requests for the Base URL's origin
 *   normalizeBaseUrl(baseUrl): string     the Base URL requests start from: without query string and
 *                                         fragment, without trailing slashes, a bare origin completed
 *                                         with /v1, an Azure-style `…/openai` with /v1. Never throws.
 *   baseUrlOf(credentials): string        normalizeBaseUrl(credentials.baseUrl), checked: throws an
 *                                         Error naming the field "Base URL" when it is empty, not a
 *                                         URL, or not http(s)
 *   baseUrlOriginOf(credentials): string  the origin of baseUrlOf(credentials), e.g. https://x.openai.azure.com
 *   credentialQueryOf(credentials)        the query parameters every request to that origin carries,
 *                                         as { name: value }: the Base URL's own query string (Azure's
 *                                         `?api-version=…`), then the Query Parameters field (which
 *                                         wins when both name the same parameter)
 *   credentialHeadersOf(credentials)      the headers every request to that origin carries: the key
 *                                         (Authorization: Bearer, or api-key), OpenAI-Organization and
 *                                         OpenAI-Project when filled, then the Custom Headers (which win,
 *                                         as in n8n's own OpenAI credential)
 *   isBaseUrlOrigin(credentials, url)     whether an absolute URL is on the Base URL's origin
 *
 * Precedence of query parameters on a request to the Base URL's origin, lowest first: the Base URL's
 * query string < the Query Parameters field < the request's own `qs` (an operation's limit, after,
 * variant, per-operation extras) < a parameter already written in the request's URL (a redirect's
 * Location). So a node option can always override a credential-wide default.
 *
 * A request for any other origin (a signed download URL a redirect leads to) gets nothing from the
 * credential: no key, no OpenAI-* or custom headers, no query parameters.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

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
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
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
function queryIn(url: string): URLSearchParams {
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
function setHeader(headers: Record<string, unknown>, name: string, value: string): void {
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

const isAbsolute = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

const nameValueRows = (name: string, displayName: string, placeholder: string, secret: boolean, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder,
	default: {},
	description,
	options: [
		{
			displayName: placeholder.replace(/^Add /, ''),
			name: 'values',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', typeOptions: { password: secret }, default: '' },
			],
		},
	],
});

export class OpenAiVideosApi implements ICredentialType {
	name = 'openAiVideosApi';

	displayName = 'OpenAI Videos API';

	icon = {
		light: 'file:openAiVideos.svg',
		dark: 'file:openAiVideos.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-openai-videos/n8n-nodes-openai-videos#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The key the server expects, e.g. an OpenAI key or a LiteLLM virtual key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.openai.com/v1',
			description:
				'Root of the Videos API (http or https). OpenAI retired its own Videos API on 2026-09-24; point this at any server that serves the same API, e.g. a LiteLLM proxy or https://{resource}.openai.azure.com/openai/v1. A bare host gets /v1, an address ending in /openai gets /v1, and a query string (e.g. ?api-version=…) is sent with every request.',
		},
		{
			displayName: 'Auth Header',
			name: 'authHeader',
			type: 'options',
			options: [
				{
					name: 'Authorization: Bearer',
					value: 'bearer',
					description: 'OpenAI, LiteLLM, vLLM-Omni, SGLang and most servers',
				},
				{
					name: 'Api-Key',
					value: 'apiKey',
					description: 'Azure OpenAI key header',
				},
			],
			default: 'bearer',
			description: 'How the key travels to the server',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			description: 'Sent as the OpenAI-Organization header when filled',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			description: 'Sent as the OpenAI-Project header when filled',
		},
		nameValueRows(
			'queryParameters',
			'Query Parameters',
			'Add Query Parameter',
			false,
			'Sent with every request to the Base URL\'s server, e.g. custom_llm_provider=openai for LiteLLM or api-version for Azure. A parameter the node sets itself (e.g. limit) wins.',
		),
		nameValueRows(
			'customHeaders',
			'Custom Headers',
			'Add Header',
			true,
			'Sent with every request to the Base URL\'s server (never to another host a redirect leads to), e.g. a gateway\'s own auth or routing header',
		),
	];

	async authenticate(credentials: Credentials, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const baseURL = baseUrlOf(credentials);
		const url = String(requestOptions.url ?? '');
		// The key only ever travels to the configured server, never along a redirect elsewhere.
		const options: IHttpRequestOptions = { ...requestOptions, baseURL, sendCredentialsOnCrossOriginRedirect: false };
		if (isAbsolute(url) && !isBaseUrlOrigin(credentials, url)) return options;

		const headers: Record<string, unknown> = { ...requestOptions.headers };
		for (const [name, value] of Object.entries(credentialHeadersOf(credentials))) setHeader(headers, name, value);
		options.headers = headers as IHttpRequestOptions['headers'];

		const inUrl = new Set(queryIn(url).keys());
		const query = Object.entries(credentialQueryOf(credentials)).filter(([name]) => !inUrl.has(name));
		if (query.length > 0) options.qs = { ...Object.fromEntries(query), ...requestOptions.qs };
		return options;
	}
}
