'use strict';
/*
 * What every case gets: the n8n under test (CLI), the loopback servers, the suite's credentials,
 * the files folder, helpers to look at requests and at the binary files n8n stored.
 */
const fs = require('node:fs');
const path = require('node:path');

const API_KEY = 'sk-e2e-key';
const WRONG_KEY = 'sk-e2e-wrong-key';
const CREDENTIAL = { id: 'e2eFakeApiCred01', name: 'Fake API (e2e)' };
const WRONG_CREDENTIAL = { id: 'e2eFakeApiWrong01', name: 'Fake API, wrong key (e2e)' };
const ORGANIZATION = 'org-e2e';
const PROJECT = 'proj-e2e';

function credentialsFor(baseUrl) {
	const data = (apiKey) => ({ apiKey, baseUrl, authHeader: 'bearer', organizationId: ORGANIZATION, projectId: PROJECT });
	return [
		{ ...CREDENTIAL, type: 'openAiVideosApi', data: data(API_KEY) },
		{ ...WRONG_CREDENTIAL, type: 'openAiVideosApi', data: data(WRONG_KEY) },
	];
}

/** Requests the fake API received, filtered by method and path (string or RegExp). */
function requestsOf(api, method, pathMatch) {
	return api.requests.filter(
		(request) =>
			(!method || request.method === method) &&
			(pathMatch === undefined ||
				(pathMatch instanceof RegExp ? pathMatch.test(request.path) : request.path === pathMatch)),
	);
}

/**
 * Where n8n's filesystem binary mode keeps a binary entry of the run data: its id is
 * "filesystem-v2:<path under the storage folder>", the storage folder being <n8n folder>/storage
 * in n8n 2.x (<n8n folder>/binaryData before).
 */
function binaryFileOf(n8nFolder, binary) {
	const match = /^filesystem(?:-v2)?:(.+)$/.exec(binary?.id ?? '');
	if (!match) return undefined;
	const candidates = ['storage', 'binaryData'].map((folder) => path.join(n8nFolder, folder, match[1]));
	return candidates.find((file) => fs.existsSync(file)) ?? candidates[0];
}

function readBinaryFile(n8nFolder, binary) {
	const file = binaryFileOf(n8nFolder, binary);
	return file && fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/** Waits until fn() returns something truthy, or the time is up (then returns undefined). */
async function waitFor(fn, { timeoutMs = 10_000, intervalMs = 200 } = {}) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > until) return undefined;
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

module.exports = {
	API_KEY,
	WRONG_KEY,
	CREDENTIAL,
	WRONG_CREDENTIAL,
	ORGANIZATION,
	PROJECT,
	credentialsFor,
	requestsOf,
	binaryFileOf,
	readBinaryFile,
	waitFor,
};
