/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/** Typed access to the loopback fake of the OpenAI Videos API in fake-api/. */
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

/** A request or answer that breaks OpenAI's OpenAPI document (fake-api/spec.cjs). */
export interface SpecViolation {
	direction: 'request' | 'answer';
	method: string;
	path: string;
	/** operationId in the document, null for a path it does not have. */
	operation: string | null;
	message: string;
	param: string | null;
	code: string;
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
	/** Scripted answers not played yet (emptied by setting its length to 0). */
	scripts: unknown[];
	reset(): void;
	close(): Promise<void>;
	/** Violations so far; test/harness/spec-violations.ts fails a test that leaves any behind. */
	specViolations: SpecViolation[];
	/** The violations so far, forgotten: for a test that breaks the spec on purpose and says how. */
	takeSpecViolations(): SpecViolation[];
}

/** Server profiles of the fake (fake-api/profiles.cjs); 'openai' is the default. */
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

const server = require('../../fake-api/server.cjs') as {
	startFakeApi(options?: FakeApiOptions & { apiKey?: string }): Promise<FakeApi>;
};

export const API_KEY = 'sk-test-key-0123456789';

/**
 * For a test that breaks OpenAI's document on purpose: the fake's violations so far, taken (so the
 * check after the test passes), as "direction operation param code" lines to assert on.
 */
export const takeSpecViolations = (api: FakeApi): string[] =>
	api.takeSpecViolations().map((violation) => `${violation.direction} ${violation.operation} ${violation.param} ${violation.code}`);

/** Every fake started in this test file and not closed yet. */
const openFakes = new Set<FakeApi>();

const described = (violation: SpecViolation) =>
	`${violation.direction} ${violation.method} ${violation.path} (${violation.operation ?? 'no such operation'}): ` +
	`${violation.message} [param ${violation.param}, code ${violation.code}]`;

/**
 * Throws if an open fake has spec violations left (and forgets them, so one test's failure does not
 * spill into the next). test/harness/spec-violations.ts runs it after every test.
 */
export function assertNoSpecViolations(): void {
	const left = [...openFakes].flatMap((api) => api.takeSpecViolations());
	if (left.length === 0) return;
	throw new Error(
		`The fake API saw ${left.length} violation(s) of OpenAI's OpenAPI document (fake-api/openapi/):\n` +
			left.map((violation) => `  - ${described(violation)}`).join('\n') +
			'\nFix the request or the fake; a test that breaks the document on purpose takes them with takeSpecViolations(api).',
	);
}

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
	const api = await server.startFakeApi({ apiKey: API_KEY, ...options });
	openFakes.add(api);
	const close = api.close.bind(api);
	api.close = async () => {
		openFakes.delete(api);
		await close();
	};
	return api;
}

export function credentialsFor(
	api: FakeApi,
	extra: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return { apiKey: API_KEY, baseUrl: api.baseUrl, authHeader: 'bearer', organizationId: '', projectId: '', ...extra };
}
