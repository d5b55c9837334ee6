'use strict';
/*
 * What `npm start` puts into its n8n: the owner account (n8n asks for one on first use), a
 * credential for the sandbox API, and the example workflows (examples/*.json) wired to it the way
 * the e2e suite wires them (e2e/lib/workflows.js):
 *   - every OpenAI Videos node uses the sandbox credential;
 *   - files go to the sandbox's files folder instead of /home/node/.n8n-files;
 *   - an HTTP Request that fetches a picture from the internet (example 2) fetches the sandbox's.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { EXAMPLES_DIR, prepare } = require('../e2e/lib/workflows');

const OWNER = { email: 'sandbox@example.com', firstName: 'Sandbox', lastName: 'User', password: 'Sandbox-Passw0rd!' };
const CREDENTIAL = { id: 'oaivSandboxCred01', name: 'OpenAI Videos sandbox (local, no key needed)' };
const INTERNET_PICTURE = /^https:\/\/picsum\.photos\//;

function sandboxCredential(baseUrl) {
	return { ...CREDENTIAL, type: 'openAiVideosApi', data: { apiKey: 'sandbox-any-key-works', baseUrl, authHeader: 'bearer' } };
}

function exampleFiles() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => path.join(EXAMPLES_DIR, file));
}

function useSandboxPicture(workflow, pictureUrl) {
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-base.httpRequest' && INTERNET_PICTURE.test(node.parameters?.url ?? '')) {
			node.parameters.url = pictureUrl;
		}
	}
	return workflow;
}

/** The examples as the sandbox imports them: [{ file, workflow }]. */
function sandboxWorkflows({ filesDir, pictureUrl }) {
	return exampleFiles().map((file) => {
		const example = JSON.parse(fs.readFileSync(file, 'utf8'));
		return { file, workflow: useSandboxPicture(prepare(example, { credential: CREDENTIAL, filesDir }), pictureUrl) };
	});
}

/** A fingerprint of what would be imported, to import again only when it changes. */
function fingerprint(value) {
	return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

module.exports = { OWNER, CREDENTIAL, sandboxCredential, sandboxWorkflows, fingerprint };
