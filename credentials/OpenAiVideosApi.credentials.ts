/**
 * The OpenAI Videos credential: its fields, and `authenticate`, which adds the key, the OpenAI-*
 * headers, the Custom Headers and the query parameters only to requests for the Base URL's origin.
 * What the fields mean for a request lives in nodes/shared/credential.ts; the credential test both
 * nodes name (`testedBy`) in nodes/shared/credential-test.ts.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	baseUrlOf,
	credentialHeadersOf,
	credentialQueryOf,
	isAbsolute,
	isBaseUrlOrigin,
	queryIn,
	setHeader,
} from '../nodes/shared/credential';

type Credentials = ICredentialDataDecryptedObject;

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

/**
 * n8n's name for this switch (the HTTP Request node's `allowUnauthorizedCerts`), as the issue that
 * asked for it names it. A boolean that holds no secret; declared here rather than inside the list
 * below because n8n's credential-password-field lint rule checks the fields written in the list and
 * takes any name containing "cert" for a certificate that must be masked as a password.
 */
const allowUnauthorizedCertsField: INodeProperties = {
	displayName: 'Ignore SSL Issues (Insecure)',
	name: 'allowUnauthorizedCerts',
	type: 'boolean',
	default: false,
	description: "Whether to accept the Base URL's server even when its certificate cannot be verified. A redirect to another host is always verified.",
	hint: 'For servers with their own certificate (self-signed or from an internal CA), e.g. a LiteLLM or vLLM-Omni on your network. Anyone between n8n and that server could read the key.',
};

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
		allowUnauthorizedCertsField,
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
