'use strict';
/*
 * Resident memory and CPU time of a process from Linux's /proc, read from outside the process:
 *   rssBytes(pid)       VmRSS now
 *   resetPeak(pid)      VmHWM (the peak) back to the current RSS (writes "5" to clear_refs)
 *   peakBytes(pid)      VmHWM: the highest RSS since the last reset
 *   cpuMs(pid)          user + system CPU time the process has used so far
 *   measureRise(pid, task)  -> { result, baseline, peak, rise, ms, cpuMs }: peak RSS above the RSS
 *                           at the start, wall time and the process's CPU time while `task` runs
 * Exact peaks, no sampling: the kernel keeps the high-water mark. CPU time, unlike wall time,
 * hardly depends on what else the machine runs.
 */
const fs = require('node:fs');

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture n8n runs on

function statusField(pid, field) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
	return Number(match[1]) * 1024;
}

const rssBytes = (pid) => statusField(pid, 'VmRSS');
const peakBytes = (pid) => statusField(pid, 'VmHWM');

/** utime + stime (fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses). */
function cpuMs(pid) {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function resetPeak(pid) {
	fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function measureRise(pid, task) {
	resetPeak(pid);
	const baseline = rssBytes(pid);
	const cpuAtStart = cpuMs(pid);
	const started = performance.now();
	const result = await task();
	const ms = performance.now() - started;
	const peak = peakBytes(pid);
	return { result, baseline, peak, rise: peak - baseline, ms, cpuMs: cpuMs(pid) - cpuAtStart };
}

module.exports = { rssBytes, peakBytes, resetPeak, cpuMs, measureRise };
