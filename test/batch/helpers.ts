import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { FakeApi } from '../harness/fake-api';

export const createParameters = (extra: INodeParameters & { options?: INodeParameters } = {}) => ({
	resource: 'video',
	operation: 'create',
	prompt: '={{ $json.prompt }}',
	...extra,
	options: { pollInterval: 1, maxRetries: 0, ...extra.options },
});

export const prompts = (...texts: string[]): INodeExecutionData[] => texts.map((prompt) => ({ json: { prompt } }));

/** The creates the server received, per prompt: what was paid for. */
export function createsByPrompt(api: FakeApi): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const request of api.requests) {
		if (request.method !== 'POST' || request.path !== '/videos') continue;
		const prompt = String(request.json?.prompt ?? request.form?.fields.prompt);
		counts[prompt] = (counts[prompt] ?? 0) + 1;
	}
	return counts;
}

/** Jobs the server accepted (paid jobs), by prompt. */
export function jobsByPrompt(api: FakeApi): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const video of api.videos.values()) counts[String(video.prompt)] = (counts[String(video.prompt)] ?? 0) + 1;
	return counts;
}

export const idOfPrompt = (api: FakeApi, prompt: string) => String([...api.videos.values()].find((video) => video.prompt === prompt)?.id);
