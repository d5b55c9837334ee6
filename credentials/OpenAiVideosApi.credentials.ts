import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** A base URL without trailing slashes; a bare host gets the `/v1` that every known server uses. */
export function normalizeBaseUrl(baseUrl: unknown): string {
	const trimmed = String(baseUrl ?? '').trim().replace(/\/+$/, '');
	return /^https?:\/\/[^/]+$/i.test(trimmed) ? `${trimmed}/v1` : trimmed;
}

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

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
				'Root of the Videos API. OpenAI retired its own Videos API on 2026-09-24; point this at any server that serves the same API, e.g. a LiteLLM proxy or https://{resource}.openai.azure.com/openai/v1.',
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
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const baseURL = normalizeBaseUrl(credentials.baseUrl);
		const target = originOf(requestOptions.url) ?? originOf(baseURL);
		// The key only ever travels to the configured server, never along a redirect elsewhere.
		const options: IHttpRequestOptions = {
			...requestOptions,
			baseURL,
			sendCredentialsOnCrossOriginRedirect: false,
		};
		if (target !== originOf(baseURL)) return options;

		const headers: Record<string, string> = {};
		if (credentials.authHeader === 'apiKey') headers['api-key'] = String(credentials.apiKey);
		else headers.Authorization = `Bearer ${String(credentials.apiKey)}`;
		if (credentials.organizationId) headers['OpenAI-Organization'] = String(credentials.organizationId);
		if (credentials.projectId) headers['OpenAI-Project'] = String(credentials.projectId);
		options.headers = { ...requestOptions.headers, ...headers };
		return options;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: "={{$credentials.baseUrl}}",
			url: '/videos',
			qs: { limit: 1 },
		},
	};
}
