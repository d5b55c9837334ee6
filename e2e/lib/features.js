'use strict';
/*
 * What the built node (dist/) can do, read from its compiled descriptions, so that checks of
 * features still being written are reported as pending rather than failed (see report.js).
 * Each feature is named after the issue that brings it.
 */
const fs = require('node:fs');
const path = require('node:path');

const TRIGGER_FILE = 'dist/nodes/OpenAiVideosTrigger/OpenAiVideosTrigger.node.js';

function jsFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

function hasParameter(source, name) {
	return new RegExp(`name:\\s*['"]${name}['"]`).test(source);
}

function detectFeatures(root) {
	const nodeSource = jsFiles(path.join(root, 'dist', 'nodes', 'OpenAiVideos'))
		.map((file) => fs.readFileSync(file, 'utf8'))
		.join('\n');
	return {
		/** issue 3: Create/Remix/Edit/Extend wait for the job (`waitForCompletion`). */
		waitForCompletion: hasParameter(nodeSource, 'waitForCompletion'),
		/** issue 3: the finished file is attached after the wait (`downloadResult`). */
		downloadResult: hasParameter(nodeSource, 'downloadResult'),
		/** issue 4: the OpenAI Videos Trigger node. */
		trigger: fs.existsSync(path.join(root, TRIGGER_FILE)),
		/** issue 6: a README in the package. */
		readme: fs.existsSync(path.join(root, 'README.md')),
	};
}

module.exports = { detectFeatures, TRIGGER_FILE };
