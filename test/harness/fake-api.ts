/** Typed access to the loopback fake of the OpenAI Videos API in test/fake-api/. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import type { Readable } from 'node:stream';

export interface RecordedRequest {
	receivedAt: number;
	method: string;
	path: string;
	rawPath: string;
	url: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: Buffer;
	json?: IDataObject;
	form?: {
		fields: Record<string, string>;
		files: Record<string, { fileName: string; mimeType: string; data: Buffer }>;
	};
}

export interface ScriptedResponse {
	status?: number;
	headers?: Record<string, string>;
	json?: unknown;
	body?: string | Buffer;
	delayMs?: number;
	destroy?: boolean;
	truncate?: boolean;
	passthrough?: boolean;
}

export interface JobPlan {
	pollsUntilDone?: number;
	outcome?: 'completed' | 'failed';
	pollAfterMs?: number;
	completeAfterMs?: number;
	error?: { code: string; message: string };
}

export interface FakeApi {
	baseUrl: string;
	requests: RecordedRequest[];
	videos: Map<string, IDataObject>;
	characters: Map<string, IDataObject>;
	jobPlan: JobPlan;
	/** Plans for the jobs created with a given prompt. */
	jobPlansByPrompt: Record<string, JobPlan>;
	/** When set, creates beyond this many per second get 429 with retry-after: 1. */
	createsPerSecond?: number;
	peakConnections: number;
	addVideo(partial?: IDataObject): IDataObject;
	setStatus(id: string, status: string, extra?: IDataObject): IDataObject;
	setContent(
		id: string,
		variant: string,
		content: { body?: Buffer | string | (() => Readable); size?: number; contentType?: string; headers?: Record<string, string> },
	): void;
	completedAt(id: string): number | undefined;
	script(matcher: { method?: string; path: string | RegExp }, response: ScriptedResponse): void;
	reset(): void;
	close(): Promise<void>;
}

/** Server profiles of the fake (test/fake-api/profiles.cjs); 'openai' is the default. */
export type FakeApiProfile =
	| 'openai'
	| 'litellm'
	| 'azure'
	| 'newapi'
	| 'vllm'
	| 'sglang'
	| 'aquiles'
	| 'relay'
	| 'openrouter'
	| 'azure-legacy';

export interface FakeApiOptions {
	basePath?: string;
	profile?: FakeApiProfile;
	profileOptions?: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require('../fake-api/server.cjs') as {
	startFakeApi(options?: FakeApiOptions & { apiKey?: string }): Promise<FakeApi>;
};

export const API_KEY = 'sk-test-key-0123456789';

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
	return await server.startFakeApi({ apiKey: API_KEY, ...options });
}

export function credentialsFor(
	api: FakeApi,
	extra: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return { apiKey: API_KEY, baseUrl: api.baseUrl, authHeader: 'bearer', organizationId: '', projectId: '', ...extra };
}
