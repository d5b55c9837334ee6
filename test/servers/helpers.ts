/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Runs the OpenAI Videos node and trigger through n8n's engine against one server profile of the
 * loopback fake (fake-api/profiles.cjs): the servers that carry the Videos API on (issue 5).
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { credentialsFor, startFakeApi, type FakeApi, type FakeApiProfile, type RecordedRequest } from '../harness/fake-api';
import { runNode, type RunNodeOptions } from '../harness/run-node';
import { PollRunner } from '../harness/run-poll';

export interface RelayRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
}

/** The fake with the fields a profile adds (server.cjs header). */
export interface ProfiledFakeApi extends FakeApi {
	profile: FakeApiProfile;
	profileOptions: Record<string, unknown>;
	relayRequests: RelayRequest[];
	relayBaseUrl?: string;
}

type RunOptions = Omit<RunNodeOptions, 'credentials'> & {
	credentials?: RunNodeOptions['credentials'];
	/** Merged into the default credential of the fake (authHeader, baseUrl, organizationId…). */
	credential?: ICredentialDataDecryptedObject;
};

/** One fake API with the given profile for a test file, reset before each test. */
export function useProfile(profile: FakeApiProfile, profileOptions: Record<string, unknown> = {}) {
	const context = { api: undefined as unknown as ProfiledFakeApi };
	beforeAll(async () => {
		context.api = (await startFakeApi({ profile, profileOptions })) as ProfiledFakeApi;
	});
	beforeEach(() => context.api.reset());
	afterAll(async () => await context.api.close());

	const run = async ({ credential, ...options }: RunOptions) =>
		await runNode({ credentials: credentialsFor(context.api, credential), ...options });

	/** A trigger whose static data persists between its polls, as an active workflow's does. */
	const trigger = (parameters: INodeParameters = {}, credential: ICredentialDataDecryptedObject = {}) =>
		new PollRunner({
			parameters: { event: 'completed', downloadResult: false, options: {}, ...parameters },
			credentials: credentialsFor(context.api, credential),
		});

	return Object.assign(context, { run, trigger });
}

type ProfileFake = ReturnType<typeof useProfile>;

/** Download of a completed video gives its MP4 as `<id>.mp4`. */
export async function expectCompletedDownload(fake: ProfileFake): Promise<void> {
	const id = String(fake.api.addVideo().id);
	const { items, error } = await fake.run({ parameters: download(id) });

	expect(messageOf(error)).toBe('(no error)');
	expect(items[0].binary!.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${id}.mp4` });
}

/** Download of a video still rendering fails with a message that names it and says it is not ready. */
export async function expectNotReadyDownload(fake: ProfileFake, progress: number): Promise<void> {
	const id = String(fake.api.addVideo({ status: 'in_progress', progress }).id);
	const { error } = await fake.run({ parameters: download(id) });

	expect(messageOf(error)).toMatch(NOT_READY);
	expect(messageOf(error)).toContain(id);
}

/**
 * The trigger, started over one finished video, emits nothing for it, nothing while a new job runs,
 * then that job once it finished, once.
 */
export async function expectFinishedJobEmittedOnce(
	fake: ProfileFake,
	{ parameters = {}, credential = {} }: { parameters?: INodeParameters; credential?: ICredentialDataDecryptedObject } = {},
): Promise<void> {
	fake.api.addVideo();
	const runner = fake.trigger(parameters, credential);
	expect(await runner.poll()).toBeNull();
	const job = String(fake.api.addVideo({ status: 'in_progress', progress: 20 }).id);
	expect(await runner.poll()).toBeNull();
	fake.api.setStatus(job, 'completed');

	expect((await runner.poll())?.map((item) => item.json.id)).toEqual([job]);
	expect(await runner.poll()).toBeNull();
}

// Node parameters --------------------------------------------------------------------------------

type Parameters = INodeParameters & { options?: INodeParameters };

/** Create, waiting (1 s first poll, then the server's hint) and downloading unless told otherwise. */
export const create = (extra: Parameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'create',
	prompt: 'A lighthouse at dawn',
	waitForCompletion: true,
	downloadResult: true,
	...extra,
	options: { pollInterval: 1, ...extra.options },
});

export const get = (videoId: string): INodeParameters => ({
	resource: 'video',
	operation: 'get',
	videoId,
	options: { maxRetries: 0 },
});

export const getAll = (): INodeParameters => ({
	resource: 'video',
	operation: 'getAll',
	returnAll: true,
	options: { maxRetries: 0 },
});

export const download = (videoId: string, variant = 'video'): INodeParameters => ({
	resource: 'video',
	operation: 'download',
	videoId,
	variant,
	options: { maxRetries: 0 },
});

export const remove = (videoId: string): INodeParameters => ({
	resource: 'video',
	operation: 'delete',
	videoId,
	options: { maxRetries: 0 },
});

export const remix = (videoId: string): INodeParameters => ({
	resource: 'video',
	operation: 'remix',
	videoId,
	prompt: 'Now at night',
	waitForCompletion: false,
	options: { maxRetries: 0 },
});

// Expected error messages (the stable parts) -----------------------------------------------------

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An endpoint the server lacks (404 with a non-JSON or {"detail":"Not Found"} body, or any 405). */
export const notOffered = (endpoint: string) => new RegExp(`^The server does not offer ${escape(endpoint)}`);

/** Content asked for before the video is ready. */
export const NOT_READY = /not ready|answered application\/json instead of a file/;

/** OpenRouter's and Azure's older video APIs. */
export const FOREIGN_API = /^This server does not speak the OpenAI Videos API/;

export const REJECTED_KEY = /^The server rejected the API key \((401|403)/;

// Wire ----------------------------------------------------------------------------------------------

/** "METHOD path" of every request the fake got, in order. */
export const calls = (api: FakeApi) => api.requests.map((request) => `${request.method} ${request.path}`);

/** GET /videos/{id} requests (the polls of a wait, or a Get). */
export const polls = (api: FakeApi): RecordedRequest[] =>
	api.requests.filter((request) => request.method === 'GET' && /^\/videos\/[^/]+$/.test(request.rawPath));

export const contentRequests = (api: FakeApi): RecordedRequest[] =>
	api.requests.filter((request) => request.method === 'GET' && request.rawPath.endsWith('/content'));

/** The ID of the only (or n-th) video the fake holds. */
export const videoId = (api: FakeApi, index = 0) => String([...api.videos.keys()][index]);

export async function bytesOf(binary: IBinaryData): Promise<Buffer> {
	if (binary.id) return await Container.get(BinaryDataService).getAsBuffer(binary);
	return Buffer.from(binary.data, 'base64');
}

/** `count` completed videos, oldest first. */
export const addVideos = (api: FakeApi, count: number, extra: IDataObject = {}) =>
	Array.from({ length: count }, () => api.addVideo(extra));

/** n8n's error of a run, as a string for toMatch. */
export const messageOf = (error: unknown) => String((error as Error | undefined)?.message ?? '(no error)');
