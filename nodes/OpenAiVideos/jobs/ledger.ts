/**
 * What a paid run has started, item by item, kept in the execution's node context
 * (`getContext('node')`). n8n saves that context with the execution's data, so the record is there
 * again when the node runs once more on the same data:
 *   - n8n's Retry On Fail (the same execution, node and run index, in this process);
 *   - n8n's Retry of a failed execution (executions list, with the original or the current
 *     workflow, regular or queue mode): a new execution, mode `retry`, started from the failed
 *     one's data. Only a retry sees records another execution wrote; a new run of the workflow
 *     starts with an empty context, so it never reuses a job.
 * An item resumes its job only when the request is the one that created it (the fingerprint: same
 * endpoint, fields, query and files); an item whose create may have started a job is not sent
 * again. No workflow static data is written (a retry with the original workflow would replace the
 * whole of it). Per record: job ID, status, fingerprint, execution ID; at most MAX_RECORDS per
 * node and execution; gone when n8n prunes the execution.
 */
import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { jobStateOf } from '../../shared/job-status';
import { runIndexOf } from '../../shared/n8n-internals';

export interface ItemRecord {
	/** The job's ID: the one to poll. */
	id?: string;
	/** The latest status seen. */
	status?: string;
	/** The create's answer, kept for operations that return it without waiting. */
	job?: IDataObject;
	/** Set when a create ended without a clear answer: why it is not sent again. */
	uncertain?: string;
}

interface StoredRecord extends ItemRecord {
	/** The request that created it (fingerprintOf). */
	fp: string;
	/** The execution that wrote it. */
	ex: string;
}

interface Stored {
	/** run index → item index → record. */
	runs: Record<string, Record<string, StoredRecord>>;
	/** Paid jobs this node started in this execution, over all its runs (AI Agent tool calls). */
	started: number;
}

const CONTEXT_KEY = 'openAiVideosPaidJobs';
/** Records kept per node and execution; older runs' records go first. */
const MAX_RECORDS = 10_000;

/** Identifies a request: an item resumes a job only when it would send the same request. */
export function fingerprintOf(parts: unknown): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

function storeOf(context: IExecuteFunctions): Stored {
	const nodeContext = context.getContext('node');
	const stored = nodeContext[CONTEXT_KEY] as Stored | undefined;
	if (stored && typeof stored === 'object' && stored.runs) return stored;
	const fresh: Stored = { runs: {}, started: 0 };
	nodeContext[CONTEXT_KEY] = fresh;
	return fresh;
}

function prune(stored: Stored, keep: string): void {
	let count = Object.values(stored.runs).reduce((sum, run) => sum + Object.keys(run).length, 0);
	for (const runIndex of Object.keys(stored.runs).sort((a, b) => Number(a) - Number(b))) {
		if (count <= MAX_RECORDS) return;
		if (runIndex === keep) continue;
		count -= Object.keys(stored.runs[runIndex]).length;
		delete stored.runs[runIndex];
	}
}

export class JobLedger {
	private readonly stored: Stored;
	private readonly runIndex: string;
	private readonly executionId: string;
	private readonly isRetry: boolean;

	constructor(context: IExecuteFunctions) {
		this.stored = storeOf(context);
		this.runIndex = String(runIndexOf(context));
		this.executionId = String(context.getExecutionId());
		this.isRetry = context.getMode() === 'retry';
		prune(this.stored, this.runIndex);
	}

	private get items(): Record<string, StoredRecord> {
		return (this.stored.runs[this.runIndex] ??= {});
	}

	/**
	 * The record of an item's job, if it may be resumed: written for the same request, in this
	 * execution (Retry On Fail) or, in a retry, by the failed execution, whose job that failed for
	 * good cannot finish (the retry starts a new one for that item).
	 */
	recall(itemIndex: number, fingerprint: string): ItemRecord | undefined {
		const record = this.stored.runs[this.runIndex]?.[itemIndex];
		if (!record || record.fp !== fingerprint) return undefined;
		if (record.ex === this.executionId) return record;
		if (!this.isRetry) return undefined;
		if (record.uncertain) return record;
		return jobStateOf({ status: record.status }) === 'failed' ? undefined : record;
	}

	/** Keeps what an item started (only defined fields: the record is saved as JSON). */
	record(itemIndex: number, fingerprint: string, update: ItemRecord): void {
		const previous = this.items[itemIndex]?.fp === fingerprint ? this.items[itemIndex] : undefined;
		this.items[itemIndex] = { ...previous, ...update, fp: fingerprint, ex: this.executionId };
	}

	/** One more paid job started by this node in this execution. */
	countStart(): void {
		this.stored.started++;
	}

	/** Paid jobs this node started in this execution so far. */
	started(): number {
		return this.stored.started;
	}

	/** Every job this run created, by item. */
	created(): Array<{ itemIndex: number; record: ItemRecord }> {
		return Object.entries(this.stored.runs[this.runIndex] ?? {})
			.filter(([, record]) => record.id !== undefined || record.uncertain !== undefined)
			.map(([itemIndex, record]) => ({ itemIndex: Number(itemIndex), record }))
			.sort((a, b) => a.itemIndex - b.itemIndex);
	}

	/** The run ended well: nothing to resume. */
	forget(): void {
		delete this.stored.runs[this.runIndex];
	}
}
