'use strict';
/*
 * Resident memory of a process from Linux's /proc, read from outside the process:
 *   rssBytes(pid)       VmRSS now
 *   resetPeak(pid)      VmHWM (the peak) back to the current RSS (writes "5" to clear_refs)
 *   peakBytes(pid)      VmHWM: the highest RSS since the last reset
 *   measureRise(pid, task)  -> { baseline, peak, rise, ms }: peak RSS above the RSS at the start,
 *                           while `task` runs
 * Exact peaks, no sampling: the kernel keeps the high-water mark.
 */
const fs = require('node:fs');

function statusField(pid, field) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
	return Number(match[1]) * 1024;
}

const rssBytes = (pid) => statusField(pid, 'VmRSS');
const peakBytes = (pid) => statusField(pid, 'VmHWM');

function resetPeak(pid) {
	fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function measureRise(pid, task) {
	resetPeak(pid);
	const baseline = rssBytes(pid);
	const started = performance.now();
	const result = await task();
	const ms = performance.now() - started;
	const peak = peakBytes(pid);
	return { result, baseline, peak, rise: peak - baseline, ms };
}

module.exports = { rssBytes, peakBytes, resetPeak, measureRise };
