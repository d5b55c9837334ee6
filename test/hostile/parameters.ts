/** Node parameters the hostile tests share: short waits, retries as given. */
import type { INodeParameters } from 'n8n-workflow';

export const create = (options: INodeParameters = {}, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'create',
	prompt: 'A lighthouse',
	downloadResult: false,
	...extra,
	options: { pollInterval: 1, waitTimeout: 2, maxRetries: 3, ...options },
});

export const get = (options: INodeParameters = {}): INodeParameters => ({ resource: 'video', operation: 'get', videoId: 'video_1', options: { maxRetries: 3, ...options } });

export const download = (options: INodeParameters = {}): INodeParameters => ({ resource: 'video', operation: 'download', videoId: 'video_1', options: { maxRetries: 1, ...options } });
