'use strict';
/** What to undo at the end, last first: servers, n8n, Chromium, the run folder. Also on Ctrl-C. */
const cleanups = [];

async function runCleanups() {
	while (cleanups.length) {
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
