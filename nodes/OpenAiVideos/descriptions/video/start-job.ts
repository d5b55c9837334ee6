import type { IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadVideo, withBinary } from '../../helpers/download';
import { failedJobError, timeoutError, waitForJob } from '../../helpers/wait';
import { maxRetriesOf, pairWithInput, sendRetried, type Driver } from '../../transport/routing';

/**
 * The request driver of Create, Remix, Edit and Extend: starts the paid job (retried only when
 * the server provably did not take it), then, when asked, waits for it and attaches the file.
 */
export const startJob: Driver = async function (this, requestData) {
	const [created] = await sendRetried(this, requestData, 'startsPaidJob');
	if (!this.getNodeParameter('waitForCompletion', true)) return pairWithInput(this, [created]);
	return pairWithInput(this, [await finishJob(this, created.json)]);
};

async function finishJob(context: IExecutePaginationFunctions, job: IDataObject): Promise<INodeExecutionData> {
	const jobId = String(job.id);
	const maxRetries = maxRetriesOf(context);
	const timeoutMs = Number(context.getNodeParameter('options.waitTimeout', 900)) * 1000;
	const { video, state } = await waitForJob(context, job, {
		pollIntervalMs: Math.max(1, Number(context.getNodeParameter('options.pollInterval', 10))) * 1000,
		timeoutMs,
		maxRetries,
	});
	if (state === 'timedOut') {
		if (context.getNodeParameter('options.onTimeout', 'error') === 'returnJob') return { json: video };
		throw timeoutError(context, video, jobId, timeoutMs);
	}
	if (state === 'failed') {
		const error = failedJobError(context, video, jobId);
		// The item keeps the video object (and the API's own error field) instead of n8n's {error}.
		if (context.continueOnFail()) return { json: { ...video, error: video.error ?? { message: error.message } } };
		throw error;
	}
	if (!context.getNodeParameter('downloadResult', true)) return { json: video };
	const variant = String(context.getNodeParameter('variant', 'video'));
	const propertyName = String(context.getNodeParameter('binaryPropertyName', 'data')).trim();
	return withBinary({ json: video }, propertyName, await downloadVideo(context, jobId, variant, maxRetries));
}
