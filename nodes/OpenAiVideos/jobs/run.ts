/**
 * The paid operations (Create, Remix, Edit, Extend, Character → Create) for all items of a run:
 * every item's input is checked before the first request; at most Max Parallel Jobs items are in
 * flight; what a run created survives n8n's Retry On Fail (job-ledger.ts); and a failure loses
 * nothing: the node's error lists every job the run created, and the Continue settings keep the
 * video objects.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { asNodeError } from '../../shared/transport/errors';
import { Semaphore } from '../../shared/transport/gate';
import { connect, type Connection } from '../../shared/transport/request';
import type { FullResponse } from '../../shared/transport/response';
import { apiRequest } from '../../shared/transport/retry';
import { mayHaveStartedJob } from '../../shared/transport/retry-rules';
import { downloadVideo } from '../actions/video/download.operation';
import { withBinary } from '../helpers/download';
import { jobSettingsOf, runSettingsOf, type JobSettings } from '../helpers/settings';
import { isVideoJob, jobError, notAJobAnswer } from './job-errors';
import { JobLedger } from './ledger';
import { prepareJobRequest, toApiRequest, type JobRequest, type PaidOperation } from './request';
import { firstCheckDelayMs, JobWatcher } from './watcher';

interface Plan {
	request: JobRequest;
	settings: JobSettings;
}

type Outcome =
	| { ok: true; item: INodeExecutionData }
	| { ok: false; error: Error; video?: IDataObject };

interface Run {
	context: IExecuteFunctions;
	connection: Connection;
	ledger: JobLedger;
	watcher: JobWatcher;
	/** Aborted when the run gives up (an item failed for good with On Error = stop) or is cancelled. */
	stop: AbortController;
}

function onErrorOf(context: IExecuteFunctions): 'stop' | 'regular' | 'errorOutput' {
	if (!context.continueOnFail()) return 'stop';
	return context.getNode().onError === 'continueErrorOutput' ? 'errorOutput' : 'regular';
}

async function createJob(run: Run, plan: Plan): Promise<{ job: IDataObject; firstDelayMs: number }> {
	const { request, settings } = plan;
	const { itemIndex } = request;
	let response: FullResponse;
	try {
		response = await apiRequest(run.connection, await toApiRequest(run.context, request), 'startsPaidJob', settings.maxRetries);
	} catch (error) {
		if (!mayHaveStartedJob(error)) throw asNodeError(run.context.getNode(), error);
		const reason = (error as Error).message;
		run.ledger.record(itemIndex, { uncertain: reason });
		throw uncertainCreateError(run, request, reason);
	}
	if (!isVideoJob(response.body)) {
		// Answered, but not with a video job: the server may have started a paid job all the same.
		const { jobId, error } = notAJobAnswer(run.context.getNode(), request.endpoint, response.body);
		const job = jobId === undefined ? undefined : { ...(response.body as IDataObject), id: jobId };
		run.ledger.record(itemIndex, job ? { job, video: job } : { uncertain: error.message });
		throw error;
	}
	const job = { ...response.body };
	run.ledger.record(itemIndex, { job, video: job });
	return { job, firstDelayMs: firstCheckDelayMs(response.headers, settings.pollIntervalMs) };
}

function uncertainCreateError(run: Run, request: JobRequest, reason: string): NodeApiError {
	return new NodeApiError(run.context.getNode(), { itemIndex: request.itemIndex } as JsonObject, {
		message: `${request.endpoint} for item ${request.itemIndex} ended without a clear answer; the job may exist and is not sent again: ${reason}`,
		description: 'The server failed or the connection broke after the request was sent, so a paid job may have started. It is not sent again, not even by Retry On Fail, so that nobody pays twice. Look for the job with Get Many, then run the item again if it does not exist.',
	});
}

/** One item, from its create (or the job a previous try created) to its finished file. */
async function runItem(run: Run, plan: Plan): Promise<Outcome> {
	const { itemIndex } = plan.request;
	const { settings } = plan;
	const remembered = run.ledger.recall(itemIndex);
	if (remembered?.uncertain) return { ok: false, error: uncertainCreateError(run, plan.request, remembered.uncertain) };
	let job = remembered?.job;
	let video = remembered?.video;
	try {
		let firstDelayMs = 0;
		if (!job) ({ job, firstDelayMs } = await createJob(run, plan));
		video ??= job;
		if (!settings.waitForCompletion) return { ok: true, item: { json: video } };
		const jobId = String(job.id);
		const outcome = await run.watcher.wait(video, settings, firstDelayMs, run.stop.signal);
		video = outcome.video;
		run.ledger.record(itemIndex, { video });
		if (outcome.state === 'timedOut') {
			if (settings.onTimeout === 'returnJob') return { ok: true, item: { json: video } };
			return { ok: false, error: jobError(run.context.getNode(), jobId, { kind: 'timedOut', video, timeoutMs: settings.timeoutMs }), video };
		}
		if (outcome.state === 'failed') return { ok: false, error: jobError(run.context.getNode(), jobId, { kind: 'failed', video }), video };
		if (!settings.download) return { ok: true, item: { json: video } };
		const { binary } = await downloadVideo(run.connection, jobId, settings.download.variant, settings, video);
		return { ok: true, item: withBinary({ json: video }, settings.download.propertyName, binary) };
	} catch (error) {
		return { ok: false, error: error as Error, video };
	}
}

function statusOf(video: IDataObject | undefined): string {
	return video?.status === undefined ? 'unknown' : String(video.status);
}

/** The node's error when an item failed with On Error = stop: it names every job this run created. */
function runFailedError(run: Run, failed: { index: number; error: Error }, notStarted: number[], itemCount: number): NodeApiError {
	const lines = run.ledger.created().map(({ itemIndex, record }) =>
		record.job
			? `item ${itemIndex} → ${String(record.job.id)} (${statusOf(record.video)})`
			: `item ${itemIndex} → unknown: the create ended without a clear answer`,
	);
	const cause = failed.error as NodeApiError;
	const jobs = lines.length ? `Jobs this run created: ${lines.join('; ')}.` : 'This run created no job.';
	const skipped = notStarted.length ? ` Not started after the failure: items ${notStarted.join(', ')}.` : '';
	return new NodeApiError(run.context.getNode(), { itemIndex: failed.index } as JsonObject, {
		message: itemCount > 1 ? `${cause.message} (item ${failed.index})` : cause.message,
		description: `${jobs}${skipped} Running the node again within this execution (Retry On Fail) resumes these jobs instead of paying for new ones. ${cause.description ?? ''}`.trim(),
		httpCode: cause.httpCode ?? undefined,
		itemIndex: failed.index,
	});
}

/** What a failed item becomes under "Continue": the video object is kept. */
function failedItem(mode: 'regular' | 'errorOutput', index: number, outcome: Extract<Outcome, { ok: false }>): INodeExecutionData {
	const { error, video } = outcome;
	const pairedItem = { item: index };
	if (!video) return { json: {}, error: error as NodeApiError, pairedItem };
	const apiError = (video.error && typeof video.error === 'object' ? video.error : {}) as IDataObject;
	const errorInfo = { ...apiError, message: apiError.message ?? error.message, job_id: String(video.id) };
	// n8n sends items whose JSON holds only error/message/details to the error output, keeping them whole.
	if (mode === 'errorOutput') return { json: { error: errorInfo, message: error.message, details: video }, pairedItem };
	return { json: { ...video, error: errorInfo }, pairedItem };
}

async function prepareAll(context: IExecuteFunctions, operation: PaidOperation, stopOnError: boolean): Promise<Array<Plan | Error>> {
	const plans: Array<Plan | Error> = [];
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		try {
			const settings = jobSettingsOf(context, itemIndex, operation.waits);
			plans.push({ request: await prepareJobRequest(context, itemIndex, operation, settings), settings });
		} catch (error) {
			if (stopOnError) throw asNodeError(context.getNode(), error);
			plans.push(error as Error);
		}
	}
	return plans;
}

export async function runPaidOperation(context: IExecuteFunctions, operation: PaidOperation): Promise<INodeExecutionData[][]> {
	const mode = onErrorOf(context);
	const { maxParallelJobs, requestTimeoutS, sharedQuery } = runSettingsOf(context);
	const plans = await prepareAll(context, operation, mode === 'stop');
	const connection = await connect(context, requestTimeoutS);
	const stop = new AbortController();
	connection.cancelSignal?.addEventListener('abort', () => stop.abort(), { once: true });
	const run: Run = {
		context,
		connection,
		ledger: new JobLedger(connection.runKey),
		watcher: new JobWatcher(connection, sharedQuery),
		stop,
	};
	const slots = new Semaphore(maxParallelJobs);
	let firstFailure: { index: number; error: Error } | undefined;
	const notStarted: number[] = [];
	const outcomes = await Promise.all(
		plans.map(async (plan, index): Promise<Outcome> => {
			if (plan instanceof Error) return { ok: false, error: plan };
			const release = await slots.acquire();
			try {
				if (stop.signal.aborted) {
					notStarted.push(index);
					return { ok: false, error: new Error('not started') };
				}
				const outcome = await runItem(run, plan);
				if (!outcome.ok && mode === 'stop' && !firstFailure) {
					firstFailure = { index, error: outcome.error };
					stop.abort();
				}
				return outcome;
			} finally {
				release();
			}
		}),
	);
	if (firstFailure) throw runFailedError(run, firstFailure, notStarted.sort((a, b) => a - b), plans.length);
	// n8n's Retry On Fail also re-runs a node whose first item carries an error: keep the memory then.
	if (outcomes.every((outcome) => outcome.ok)) run.ledger.forget();
	return [
		outcomes.map((outcome, index) =>
			outcome.ok ? { ...outcome.item, pairedItem: { item: index } } : failedItem(mode as 'regular' | 'errorOutput', index, outcome),
		),
	];
}
