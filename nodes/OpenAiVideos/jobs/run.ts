/**
 * The paid operations (Create, Remix, Edit, Extend, Character → Create) for all items of a run:
 * every item's input is checked before the first request; at most Max Parallel Jobs items are in
 * flight, at most Max Paid Jobs per Run are started (cap.ts); what a run created survives n8n's
 * Retry On Fail and n8n's Retry of a failed execution (ledger.ts); and a failure loses nothing: the
 * node's error lists every job the run created, and the Continue settings keep the video objects.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { asNodeError } from '../../shared/transport/errors';
import { Semaphore, withSlot } from '../../shared/transport/gate';
import { connect, type Connection } from '../../shared/transport/request';
import type { FullResponse } from '../../shared/transport/response';
import { apiRequest } from '../../shared/transport/retry';
import { mayHaveStartedJob } from '../../shared/transport/retry-rules';
import { downloadVideo } from '../actions/video/download.operation';
import { withBinary } from '../helpers/download';
import { jobSettingsOf, runSettingsOf, type JobSettings } from '../helpers/settings';
import { applyCap } from './cap';
import { isVideoJob, jobError, notAJobAnswer } from './job-errors';
import { JobLedger } from './ledger';
import { fingerprintOfRequest, prepareJobRequest, toApiRequest, type JobRequest, type PaidOperation } from './request';
import { firstCheck, JobWatcher, type FirstCheck } from './watcher';

interface Plan {
	request: JobRequest;
	settings: JobSettings;
	/** The request's identity: a record resumes only the job this very request created. */
	fingerprint: string;
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

async function createJob(run: Run, plan: Plan): Promise<{ job: IDataObject; first: FirstCheck }> {
	const { request, settings, fingerprint } = plan;
	const { itemIndex } = request;
	run.ledger.countStart();
	let response: FullResponse;
	try {
		response = await apiRequest(run.connection, await toApiRequest(run.context, request), 'startsPaidJob', settings.maxRetries);
	} catch (error) {
		if (!mayHaveStartedJob(error)) throw asNodeError(run.context.getNode(), error);
		const reason = (error as Error).message;
		run.ledger.record(itemIndex, fingerprint, { uncertain: reason });
		throw uncertainCreateError(run, request, reason);
	}
	if (!isVideoJob(response.body)) {
		// Answered, but not with a video job: the server may have started a paid job all the same.
		const { jobId, error } = notAJobAnswer(run.context.getNode(), request.endpoint, response.body);
		if (jobId === undefined) run.ledger.record(itemIndex, fingerprint, { uncertain: error.message });
		else recordJob(run, plan, { ...(response.body as IDataObject), id: jobId });
		throw error;
	}
	const job = { ...response.body };
	recordJob(run, plan, job);
	return { job, first: firstCheck(response.headers, settings.pollIntervalMs) };
}

/** A created job, recorded: its ID and status; the whole answer only where it is the item's output (no waiting). */
function recordJob(run: Run, plan: Plan, job: IDataObject): void {
	run.ledger.record(plan.request.itemIndex, plan.fingerprint, { id: String(job.id), ...statusOf(job), ...(!plan.settings.waitForCompletion && { job }) });
}

function uncertainCreateError(run: Run, request: JobRequest, reason: string): NodeApiError {
	return new NodeApiError(run.context.getNode(), { itemIndex: request.itemIndex } as JsonObject, {
		message: `${request.endpoint} for item ${request.itemIndex} ended without a clear answer; the job may exist and is not sent again: ${reason}`,
		description: 'The server failed or the connection broke after the request was sent, so a paid job may have started. It is not sent again, not even by Retry On Fail or a Retry of the execution, so that nobody pays twice. Look for the job with Get Many, then run the item again if it does not exist.',
	});
}

/** The status of a job, for the record (only when the server gave one). */
function statusOf(video: IDataObject): { status?: string } {
	return video.status === undefined || video.status === null ? {} : { status: String(video.status) };
}

/** One item, from its create (or the job a previous try, or the failed execution, created) to its finished file. */
async function runItem(run: Run, plan: Plan): Promise<Outcome> {
	const { itemIndex } = plan.request;
	const { settings, fingerprint } = plan;
	const remembered = run.ledger.recall(itemIndex, fingerprint);
	if (remembered?.uncertain) return { ok: false, error: uncertainCreateError(run, plan.request, remembered.uncertain) };
	// A resumed job that is waited for is checked afresh: only its ID is kept.
	let video: IDataObject | undefined = remembered?.job ?? (remembered?.id ? { id: remembered.id } : undefined);
	try {
		let first: FirstCheck = { delayMs: 0 };
		if (!video) ({ job: video, first } = await createJob(run, plan));
		if (!settings.waitForCompletion) return { ok: true, item: { json: video } };
		const jobId = String(video.id);
		const outcome = await run.watcher.wait(video, settings, first, run.stop.signal);
		video = outcome.video;
		run.ledger.record(itemIndex, fingerprint, { id: jobId, ...statusOf(video) });
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

/** The node's error when an item failed with On Error = stop: it names every job this run created. */
function runFailedError(run: Run, failed: { index: number; error: Error }, notStarted: number[], itemCount: number): NodeApiError {
	const lines = run.ledger.created().map(({ itemIndex, record }) =>
		record.id
			? `item ${itemIndex} → ${record.id} (${record.status ?? 'unknown'})`
			: `item ${itemIndex} → unknown: the create ended without a clear answer`,
	);
	const cause = failed.error as NodeApiError;
	const jobs = lines.length ? `Jobs this run created: ${lines.join('; ')}.` : 'This run created no job.';
	const skipped = notStarted.length ? ` Not started after the failure: items ${notStarted.join(', ')}.` : '';
	return new NodeApiError(run.context.getNode(), { itemIndex: failed.index } as JsonObject, {
		message: itemCount > 1 ? `${cause.message} (item ${failed.index})` : cause.message,
		description: `${jobs}${skipped} ${retryAdvice(run.context)} ${cause.description ?? ''}`.trim(),
		httpCode: cause.httpCode ?? undefined,
		itemIndex: failed.index,
	});
}

/** What n8n's retries do with the jobs of a failed run, given the execution's mode and the workflow's settings. */
function retryAdvice(context: IExecuteFunctions): string {
	const settings = context.getWorkflowSettings();
	const manual = context.getMode() === 'manual';
	const saved = manual ? settings.saveManualExecutions !== false : settings.saveDataErrorExecution !== 'none';
	const resumes = 'Retry On Fail resumes these jobs instead of paying for new ones';
	if (!saved) {
		return `${resumes}. This workflow does not save ${manual ? 'manual' : 'failed'} executions, so n8n cannot retry this one from the executions list: running the workflow again starts new paid jobs. To keep finished items when one fails, use On Error → Continue (using error output).`;
	}
	return `${resumes}, and so does Retry of this execution in the executions list (with the original or the current workflow), where an item whose job failed gets one new job. Running the workflow again starts new paid jobs.`;
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
			const request = await prepareJobRequest(context, itemIndex, operation, settings);
			plans.push({ request, settings, fingerprint: fingerprintOfRequest(context, request) });
		} catch (error) {
			if (stopOnError) throw asNodeError(context.getNode(), error);
			plans.push(error as Error);
		}
	}
	return plans;
}

export async function runPaidOperation(context: IExecuteFunctions, operation: PaidOperation): Promise<INodeExecutionData[][]> {
	const mode = onErrorOf(context);
	const { maxParallelJobs, maxPaidJobs, requestTimeoutS, sharedQuery } = runSettingsOf(context);
	const plans = await prepareAll(context, operation, mode === 'stop');
	const connection = await connect(context, requestTimeoutS);
	const stop = new AbortController();
	connection.cancelSignal?.addEventListener('abort', () => stop.abort(), { once: true });
	const run: Run = {
		context,
		connection,
		ledger: new JobLedger(context),
		watcher: new JobWatcher(connection, sharedQuery),
		stop,
	};
	applyCap(context, plans, {
		maxPaidJobs,
		isNew: (plan) => !run.ledger.recall(plan.request.itemIndex, plan.fingerprint),
		startedInExecution: run.ledger.started(),
		stopOnError: mode === 'stop',
	});
	const slots = new Semaphore(maxParallelJobs);
	let firstFailure: { index: number; error: Error } | undefined;
	const notStarted: number[] = [];
	const outcomes = await Promise.all(
		plans.map(async (plan, index): Promise<Outcome> => {
			if (plan instanceof Error) return { ok: false, error: plan };
			return await withSlot(slots, async () => {
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
			});
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
