'use strict';
/*
 * Example and test workflows, made runnable against the loopback servers:
 *   - every `openAiVideosApi` credential reference becomes the suite's credential;
 *   - file paths under EXAMPLE_FILES_DIR (n8n 2's default allowed folder in its Docker image)
 *     move to the suite's files folder;
 *   - a case changes the few parameters that point at the outside world (setParameter).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES_DIR = path.join(ROOT, 'examples');
const TEST_WORKFLOWS_DIR = path.join(__dirname, '..', 'workflows');
const EXAMPLE_FILES_DIR = '/home/node/.n8n-files';
const CREDENTIAL_TYPE = 'openAiVideosApi';

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const loadExample = (name) => readJson(path.join(EXAMPLES_DIR, name));
const loadTestWorkflow = (name) => readJson(path.join(TEST_WORKFLOWS_DIR, name));

function nodeNamed(workflow, name) {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`workflow "${workflow.name}" has no node "${name}"`);
	return node;
}

/** Sets parameters.<dotted path> of a node. */
function setParameter(workflow, nodeName, dottedPath, value) {
	const keys = dottedPath.split('.');
	let target = nodeNamed(workflow, nodeName).parameters;
	for (const key of keys.slice(0, -1)) {
		target[key] = target[key] && typeof target[key] === 'object' ? target[key] : {};
		target = target[key];
	}
	target[keys[keys.length - 1]] = value;
	return workflow;
}

function mapStrings(value, fn) {
	if (typeof value === 'string') return fn(value);
	if (Array.isArray(value)) return value.map((entry) => mapStrings(entry, fn));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, mapStrings(entry, fn)]));
	}
	return value;
}

/** A copy of the workflow wired to the suite: credential, files folder, optional new id. */
function prepare(workflow, { credential, filesDir, id }) {
	const copy = structuredClone(workflow);
	if (id) copy.id = id;
	for (const node of copy.nodes) {
		if (node.credentials?.[CREDENTIAL_TYPE]) {
			node.credentials[CREDENTIAL_TYPE] = { id: credential.id, name: credential.name };
		}
		node.parameters = mapStrings(node.parameters ?? {}, (text) => text.split(EXAMPLE_FILES_DIR).join(filesDir));
	}
	return copy;
}

module.exports = {
	EXAMPLES_DIR,
	TEST_WORKFLOWS_DIR,
	EXAMPLE_FILES_DIR,
	CREDENTIAL_TYPE,
	loadExample,
	loadTestWorkflow,
	nodeNamed,
	setParameter,
	prepare,
};
