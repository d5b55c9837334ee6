/** Job states as OpenAI and the servers that carry its API spell them: the vocabulary both nodes share. */
import type { IDataObject } from 'n8n-workflow';

const DONE = ['completed', 'succeeded', 'success'];
const FAILED = ['failed', 'failure', 'cancelled', 'canceled', 'expired', 'error'];

export type JobState = 'running' | 'completed' | 'failed';

export function jobStateOf(video: IDataObject): JobState {
	const status = String(video.status ?? '').toLowerCase();
	if (DONE.includes(status)) return 'completed';
	if (FAILED.includes(status)) return 'failed';
	return 'running';
}
