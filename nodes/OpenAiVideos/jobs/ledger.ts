/**
 * What this node run has already started, item by item, kept across n8n's Retry On Fail (which
 * runs the node again with the same execution, node and run index): an item whose job exists
 * resumes it instead of paying for a new one; an item whose create may have started a job is not
 * sent again. Kept in this process (a retry runs where the first try ran), bounded in size and age.
 */
import type { IDataObject } from 'n8n-workflow';

export interface ItemRecord {
	/** The job as created; its ID is the one to poll. */
	job?: IDataObject;
	/** The latest state seen. */
	video?: IDataObject;
	/** Set when a create ended without a clear answer: why it is not sent again. */
	uncertain?: string;
}

const MAX_RUNS = 500;
const MAX_AGE_MS = 24 * 3600_000;

interface RunRecord {
	touchedAt: number;
	items: Map<number, ItemRecord>;
}

/**
 * Process-wide on purpose: it must outlive one try of the node (Retry On Fail runs it again in the
 * same process). Keyed by the node run (execution, node, run index); at most MAX_RUNS runs, each
 * forgotten after MAX_AGE_MS or when its run ends well.
 */
const runs = new Map<string, RunRecord>();

function prune(now: number): void {
	for (const [key, run] of runs) {
		if (now - run.touchedAt > MAX_AGE_MS || runs.size > MAX_RUNS) runs.delete(key);
		else break;
	}
}

export class JobLedger {
	private readonly items: Map<number, ItemRecord>;

	constructor(private readonly runKey: string) {
		const now = Date.now();
		prune(now);
		const run = runs.get(runKey) ?? { touchedAt: now, items: new Map() };
		runs.delete(runKey);
		run.touchedAt = now;
		runs.set(runKey, run);
		this.items = run.items;
	}

	recall(itemIndex: number): ItemRecord | undefined {
		return this.items.get(itemIndex);
	}

	record(itemIndex: number, update: ItemRecord): void {
		this.items.set(itemIndex, { ...this.items.get(itemIndex), ...update });
	}

	/** Every job this run created, by item. */
	created(): Array<{ itemIndex: number; record: ItemRecord }> {
		return [...this.items.entries()]
			.filter(([, record]) => record.job !== undefined || record.uncertain !== undefined)
			.map(([itemIndex, record]) => ({ itemIndex, record }))
			.sort((a, b) => a.itemIndex - b.itemIndex);
	}

	/** The run ended well: nothing to resume. */
	forget(): void {
		runs.delete(this.runKey);
	}
}
