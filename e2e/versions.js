'use strict';
/*
 * The n8n versions the suite runs the package in: the pinned one with every case, the others
 * with the cases that say `smoke: true` (package loads, Create with wait and download, Get Many
 * Return All, the trigger, Download).
 *
 *   1.123.81  the newest installable 1.x (n8n's maintained 1.x line; Node 20.19 to 24)
 *   2.40.7    pinned: the newest whose dependencies this registry serves whole
 *   2.41.1    the newest installable 2.41 (2.41.3 needs @n8n/agents@0.26.2, which the registry lacks)
 * Checked 2026-12-06 with `npm view n8n versions`: these are the newest patches of 1.123, 2.40 and
 * 2.41 the registry serves (2.41.3 being the newest, uninstallable).
 *
 * Env N8N_E2E_VERSIONS=1.123.81,2.41.1 runs only those, in that order (the pinned one, if listed,
 * with every case).
 */
const { N8N_VERSION } = require('./n8n-install');

const EXTRA_VERSIONS = ['1.123.81', '2.41.1'];

/** [{ version, full }] in run order: by default the pinned (full) version first. */
function versionsToRun(env = process.env) {
	const listed = (env.N8N_E2E_VERSIONS ?? '')
		.split(',')
		.map((version) => version.trim())
		.filter(Boolean);
	const versions = listed.length ? listed : [N8N_VERSION, ...EXTRA_VERSIONS];
	return versions.map((version) => ({ version, full: version === N8N_VERSION }));
}

module.exports = { versionsToRun, EXTRA_VERSIONS };
