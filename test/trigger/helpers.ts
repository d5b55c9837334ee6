/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { credentialsFor, startFakeApi, type FakeApi } from '../harness/fake-api';
import { PollRunner } from '../harness/run-poll';

/** One fake API per test file, emptied before each test. */
export function useTriggerApi() {
	const context = { api: undefined as unknown as FakeApi };
	beforeAll(async () => {
		context.api = await startFakeApi();
	});
	beforeEach(() => context.api.reset());
	afterAll(async () => await context.api.close());
	return context;
}

export function triggerRunner(api: FakeApi, parameters: INodeParameters = {}, staticData?: IDataObject): PollRunner {
	return new PollRunner({
		parameters: { event: 'completed', downloadResult: false, options: {}, ...parameters },
		credentials: credentialsFor(api),
		staticData,
	});
}

export interface PollOutcome {
	items: INodeExecutionData[] | null;
	/** IDs of the emitted videos, in output order. */
	ids: string[];
	/** GET /videos requests this poll made. */
	listRequests: number;
	/** Every request this poll made, as "METHOD path". */
	requests: string[];
}

export async function pollOnce(runner: PollRunner, api: FakeApi, mode: 'trigger' | 'manual' = 'trigger'): Promise<PollOutcome> {
	const start = api.requests.length;
	const items = await runner.poll(mode);
	const made = api.requests.slice(start);
	return {
		items,
		ids: (items ?? []).map((item) => String(item.json.id)),
		listRequests: made.filter((r) => r.method === 'GET' && r.path === '/videos').length,
		requests: made.map((r) => `${r.method} ${r.path}`),
	};
}

/** `count` running jobs, created in this order. */
export function startJobs(api: FakeApi, count: number, extra: IDataObject = {}): string[] {
	return Array.from({ length: count }, () => String(api.addVideo({ status: 'queued', progress: 0, ...extra }).id));
}

export function finish(api: FakeApi, ids: string[], status: 'completed' | 'failed' = 'completed'): void {
	for (const id of ids) api.setStatus(id, status);
}

export async function bytesOf(binary: IBinaryData): Promise<Buffer> {
	if (binary.id) return await Container.get(BinaryDataService).getAsBuffer(binary);
	return Buffer.from(binary.data, 'base64');
}
