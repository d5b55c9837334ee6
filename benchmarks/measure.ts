/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/** Samples the process's resident memory while a task runs. */
export async function withPeakRss<T>(task: () => Promise<T>): Promise<{ result: T; baselineRss: number; peakRss: number; ms: number }> {
	global.gc?.();
	const baselineRss = process.memoryUsage().rss;
	let peakRss = baselineRss;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
	const started = performance.now();
	try {
		const result = await task();
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
		return { result, baselineRss, peakRss, ms: performance.now() - started };
	} finally {
		clearInterval(sampler);
	}
}

export const MiB = 1024 * 1024;

export function report(name: string, value: string, target: string, ok: boolean): void {
	console.log(`${name}: ${value} (target ${target}) ${ok ? 'OK' : 'MISSED'}`);
}
