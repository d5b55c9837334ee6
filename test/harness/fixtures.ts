import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { credentialsFor, startFakeApi, type FakeApi } from './fake-api';
import { runNode, type RunNodeOptions } from './run-node';

/** An input item carrying a file in memory, as an n8n node before ours would hand it on. */
export function fileItem(
	bytes: Buffer | string,
	fileName: string,
	mimeType: string,
	propertyName = 'data',
): INodeExecutionData {
	const data = Buffer.from(bytes);
	const binary: IBinaryData = { data: data.toString('base64'), fileName, mimeType, bytes: data.length };
	return { json: {}, binary: { [propertyName]: binary } };
}

export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
export const MP4_BYTES = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

/** One fake API for a test file, reset before each test, and a runner bound to it. */
export function useFakeApi() {
	const context = { api: undefined as unknown as FakeApi };
	beforeAll(async () => {
		context.api = await startFakeApi();
	});
	beforeEach(() => context.api.reset());
	afterAll(async () => await context.api.close());
	const run = async (options: Omit<RunNodeOptions, 'credentials'> & { credentials?: RunNodeOptions['credentials'] }) =>
		await runNode({ credentials: credentialsFor(context.api), ...options });
	return Object.assign(context, { run });
}
