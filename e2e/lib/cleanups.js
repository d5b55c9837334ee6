'use strict';
/** What to undo at the end, last first: servers, n8n, Chromium, the run folder. Also on Ctrl-C. */
const cleanups = [];

/** Runs (last first) the cleanups added after the first `keep` ones; all by default. */
async function runCleanups(keep = 0) {
	while (cleanups.length > keep) {
		const cleanup = cleanups.pop();
		try {
			await cleanup();
		} catch (error) {
			console.error(`cleanup: ${error.message}`);
		}
	}
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		console.error(`${signal}: cleaning up`);
		runCleanups().finally(() => process.exit(130));
	});
}

module.exports = { cleanups, runCleanups };
