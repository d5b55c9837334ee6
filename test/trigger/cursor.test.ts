/** The pure cursor logic, fed pages by hand. */
import type { IDataObject } from 'n8n-workflow';

import { CursorScan, floorOf, matchesFilter, readState, type CursorState } from '../../nodes/OpenAiVideosTrigger/cursor';

const video = (id: string, at: number | null, status = 'completed', extra: IDataObject = {}): IDataObject => ({
	id,
	object: 'video',
	created_at: at,
	status,
	...extra,
});

/** A state with the given running jobs (ID → created_at). */
const state = (top: CursorState['top'], running: Record<string, number> = {}): CursorState => {
	const times = Object.values(running);
	return { v: 1, top, pending: Object.keys(running), pendingSince: times.length ? Math.min(...times) : null };
};

describe('CursorScan', () => {
	test('first scan: emits nothing, keeps running jobs and the newest time, reads to the end', () => {
		const scan = new CursorScan(undefined);
		expect(scan.addPage([video('c', 30), video('b', 20, 'queued'), video('a', 10)], true)).toBe(false);
		expect(scan.addPage([video('z', 1, 'in_progress')], false)).toBe(true);
		expect(scan.result()).toEqual({ state: state({ at: 30, ids: ['c'] }, { b: 20, z: 1 }), finished: [] });
	});

	test('emits new finished videos and finished pending jobs, not ones finished before', () => {
		const scan = new CursorScan(state({ at: 30, ids: ['c'] }, { b: 20 }));
		expect(scan.floor).toBe(20);
		scan.addPage(
			[video('e', 50, 'failed'), video('d', 40, 'queued'), video('c', 30), video('b', 20), video('a', 10)],
			true,
		);
		expect(scan.done).toBe(true);
		const { state: next, finished } = scan.result();
		expect(finished.map((f) => [f.video.id, f.state])).toEqual([
			['b', 'completed'],
			['e', 'failed'],
		]);
		expect(next).toEqual(state({ at: 50, ids: ['e'] }, { d: 40 }));
	});

	test('stops only after a video older than the floor (ties at the floor may follow)', () => {
		const scan = new CursorScan(state({ at: 30, ids: ['c'] }));
		expect(scan.addPage([video('x', 31), video('c', 30)], true)).toBe(false);
		expect(scan.addPage([video('y', 30), video('w', 29)], true)).toBe(true);
		expect(scan.result().finished.map((f) => f.video.id)).toEqual(['y', 'x']);
	});

	test('a video at the same second as the top under another ID is new; the top keeps both', () => {
		const scan = new CursorScan(state({ at: 30, ids: ['c'] }));
		scan.addPage([video('d', 30), video('c', 30), video('b', 29)], true);
		const { state: next, finished } = scan.result();
		expect(finished.map((f) => f.video.id)).toEqual(['d']);
		expect(next.top).toEqual({ at: 30, ids: ['c', 'd'] });
	});

	test('pending jobs the scan does not meet above the floor are forgotten', () => {
		const scan = new CursorScan(state({ at: 30, ids: ['c'] }, { gone: 25, kept: 28 }));
		scan.addPage([video('c', 30), video('kept', 28, 'in_progress'), video('a', 10)], true);
		expect(scan.result()).toEqual({ state: state({ at: 30, ids: ['c'] }, { kept: 28 }), finished: [] });
	});

	test('the top never moves back when the newest videos were deleted', () => {
		const scan = new CursorScan(state({ at: 30, ids: ['c'] }));
		scan.addPage([video('b', 20)], false);
		expect(scan.result()).toEqual({ state: state({ at: 30, ids: ['c'] }), finished: [] });
	});

	test('a list that is not newest first, or has no creation times, is read to its end', () => {
		const unordered = new CursorScan(state({ at: 30, ids: ['c'] }));
		expect(unordered.addPage([video('a', 10), video('d', 40)], true)).toBe(false);
		expect(unordered.addPage([video('q', 5)], true)).toBe(false);
		const untimed = new CursorScan(state({ at: 0, ids: ['c'] }));
		expect(untimed.addPage([video('c', null), video('n', null)], true)).toBe(false);
		expect(untimed.result().finished.map((f) => f.video.id)).toEqual(['n']);
	});

	test('an empty account gives a null top; every video after it is new', () => {
		const first = new CursorScan(undefined);
		first.addPage([], false);
		const empty = first.result().state;
		expect(empty).toEqual(state(null));
		expect(floorOf(empty)).toBe(-Infinity);
		const next = new CursorScan(empty);
		next.addPage([video('a', 10)], false);
		expect(next.result().finished.map((f) => f.video.id)).toEqual(['a']);
	});

	test('IDs that are also names of object properties are plain IDs', () => {
		const scan = new CursorScan(state({ at: 30, ids: ['c'] }, { ['__proto__']: 31 }));
		scan.addPage([video('__proto__', 31), video('constructor', 20), video('b', 10)], true);
		const { state: next, finished } = scan.result();
		expect(finished.map((f) => f.video.id)).toEqual(['__proto__']);
		expect(next.pending).toEqual([]);
		const restored = readState(JSON.parse(JSON.stringify(state({ at: 1, ids: [] }, { ['__proto__']: 3 }))));
		expect(restored!.pending).toEqual(['__proto__']);
	});

	test('a video listed twice (overlapping pages) is taken once', () => {
		const scan = new CursorScan(state({ at: 30, ids: ['c'] }));
		scan.addPage([video('d', 40), video('c', 30)], true);
		scan.addPage([video('d', 40), video('b', 20)], true);
		expect(scan.result().finished.map((f) => f.video.id)).toEqual(['d']);
	});
});

describe('readState', () => {
	test('accepts what the trigger stores and nothing else', () => {
		const stored = state({ at: 5, ids: ['a'] }, { b: 6 });
		expect(readState(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
		expect(readState({})).toBeUndefined();
		expect(readState({ ...stored, v: 2 })).toBeUndefined();
		expect(readState({ v: 1, top: { at: 'x', ids: [] }, pending: [], pendingSince: null })).toBeUndefined();
		expect(readState({ v: 1, top: null, pending: {}, pendingSince: null })).toBeUndefined();
		expect(readState({ v: 1, top: null, pending: ['a'], pendingSince: null })).toBeUndefined();
		expect(readState({ v: 1, top: null })).toBeUndefined();
	});
});

test('matchesFilter', () => {
	const v = video('a', 1, 'completed', { model: 'sora-2' });
	expect(matchesFilter(v, 'completed', 'completed', undefined)).toBe(true);
	expect(matchesFilter(v, 'completed', 'failed', undefined)).toBe(false);
	expect(matchesFilter(v, 'failed', 'completedOrFailed', 'sora-2')).toBe(true);
	expect(matchesFilter(v, 'completed', 'completedOrFailed', 'sora-2-pro')).toBe(false);
	expect(matchesFilter(v, 'running', 'completedOrFailed', undefined)).toBe(false);
});
