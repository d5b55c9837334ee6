#!/usr/bin/env node
'use strict';
/*
 * Screenshots of the package in the real n8n editor, saved in docs/:
 *   docs/operations.png        the node's actions in the nodes panel
 *   docs/create-parameters.png the Create operation's parameters
 *   docs/execution-binary.png  a finished run of example 1, the MP4 in the output panel
 *   docs/trigger.png           the OpenAI Videos Trigger with a fetched test event
 *   docs/video-picker.png      the Video picker's "From List" (Get, newest first, prompt and status)
 *
 * It installs n8n and the packed package exactly as e2e/run.js does, starts `n8n start` on
 * 127.0.0.1 with the loopback fake API, and drives Debian's Chromium (apt-get install -y chromium;
 * or CHROMIUM_PATH) over the DevTools protocol with Node's global WebSocket, so it re-runs itself
 * on the cache's Node 24 when started on an older Node.
 *
 * Usage: node e2e/screenshots.js [--out DIR]     (dist/ must be built)
 * Env:   E2E_KEEP=1 keeps the run folder; SCREENSHOT_STEPS=1 also saves a picture of every step.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { ensureN8n } = require('./n8n-install');
const { N8nCli } = require('./n8n-cli');
const { startN8nServer } = require('./n8n-server');
const { assertBuilt, packPackage, installIntoUserFolder } = require('./package');
const { startFakeApi, startAssetServer } = require('./lib/servers');
const { API_KEY, CREDENTIAL, credentialsFor, waitFor } = require('./lib/context');
const { loadExample, loadTestWorkflow, prepare } = require('./lib/workflows');
const { launchChromium, sleep } = require('./lib/cdp');

const ROOT = path.join(__dirname, '..');
/** The suite's credential under the name a user would give it. */
const SHOT_CREDENTIAL = { id: CREDENTIAL.id, name: 'OpenAI Videos account' };

function outDir() {
	const at = process.argv.indexOf('--out');
	return path.resolve(at > 0 ? process.argv[at + 1] : path.join(ROOT, 'docs'));
}

const { cleanups, runCleanups } = require('./lib/cleanups');

async function main() {
	const log = (message) => console.log(`# ${message}`);
	assertBuilt(ROOT);
	const install = await ensureN8n({ log });
	if (typeof WebSocket !== 'function') {
		log(`Node ${process.version} has no global WebSocket: running again on ${install.nodeBin}`);
		const result = spawnSync(install.nodeBin, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' });
		process.exit(result.status ?? 1);
	}
	const docs = outDir();
	const steps = process.env.SCREENSHOT_STEPS === '1';
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-openai-videos-shots-'));
	if (process.env.E2E_KEEP === '1') log(`run folder kept: ${runDir}`);
	else cleanups.push(() => fs.rmSync(runDir, { recursive: true, force: true }));
	const home = path.join(runDir, 'home');
	const filesDir = path.join(runDir, 'files');
	fs.mkdirSync(home, { recursive: true });

	let failurePage;
	try {
		const api = await startFakeApi({ apiKey: API_KEY });
		cleanups.push(() => api.close());
		const assets = await startAssetServer();
		cleanups.push(() => assets.close());
		api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 500 };
		// A few finished videos, so lists and the trigger's test event have something to show.
		api.addVideo({ id: 'video_68e3a1f0c2d4', prompt: 'A lighthouse on a cliff at dawn, waves crashing', seconds: '8', size: '1280x720' });
		api.addVideo({ id: 'video_68e3a2b7e915', prompt: 'A red kite over a beach, slow motion', seconds: '4', size: '720x1280' });
		api.addVideo({ id: 'video_68e3a3c1f0aa', status: 'failed', prompt: 'A crowded stadium at night' });

		const pack = await packPackage(ROOT, path.join(runDir, 'pack'));
		await installIntoUserFolder(pack, home);
		const cli = new N8nCli(install, { home, filesDir });
		await cli.importCredentials(credentialsFor(api.baseUrl).map((credential) => (credential.id === CREDENTIAL.id ? { ...credential, ...SHOT_CREDENTIAL } : credential)));
		const example1 = prepare(loadExample('1-prompt-to-mp4-file.json'), { credential: SHOT_CREDENTIAL, filesDir });
		const trigger = prepare(loadExample('3b-pipeline-save-finished.json'), { credential: SHOT_CREDENTIAL, filesDir });
		await cli.importWorkflow(example1);
		await cli.importWorkflow(trigger);
		const picker = prepare(loadTestWorkflow('video-picker.json'), { credential: SHOT_CREDENTIAL, filesDir });
		await cli.importWorkflow(picker);

		log('starting n8n...');
		const server = await startN8nServer(cli, { logFile: path.join(runDir, 'n8n-start.log') });
		cleanups.push(() => server.stop());
		await server.setupOwner();
		log(`n8n at ${server.baseUrl}`);

		const browser = await launchChromium({ width: 1440, height: 900 });
		cleanups.push(() => browser.close());
		const page = await browser.newPage();
		failurePage = page;
		let stepNo = 0;
		const step = async (name) => {
			if (steps) await page.screenshot(path.join(runDir, 'steps', `${String(++stepNo).padStart(2, '0')}-${name}.png`));
		};

		// Log in as the owner through the page, so the browser holds the session cookie.
		await page.goto(`${server.baseUrl}/signin`);
		await page.waitFor('document.querySelector("input")', { label: 'the sign-in page' });
		const status = await page.eval(`fetch('/rest/login', { method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': localStorage.getItem('n8n-browserId') ?? '' },
			body: JSON.stringify({ emailOrLdapLoginId: ${JSON.stringify(server.owner.email)}, password: ${JSON.stringify(server.owner.password)} }),
		}).then((response) => response.status)`);
		if (status !== 200) throw new Error(`logging in failed: HTTP ${status}`);

		const openWorkflow = async (id) => {
			await page.goto(`${server.baseUrl}/workflow/${id}`);
			await page.waitFor('document.querySelector("[data-test-id=canvas-node]")', { label: 'the workflow canvas' });
			await sleep(1500);
		};
		const openNode = async (name) => {
			await page.click('[data-test-id=canvas-node]', { text: name, clickCount: 2 });
			await page.waitFor('document.querySelector("[data-test-id=ndv] [data-test-id=node-parameters]")', { label: `the ${name} node` });
			await sleep(1200);
		};
		const shots = [];
		const warnings = [];
		const shoot = async (name) => {
			shots.push(await page.screenshot(path.join(docs, `${name}.png`)));
			log(`saved ${path.relative(ROOT, shots.at(-1))}`);
		};

		// 1. The node's actions, as the nodes panel lists them after searching "OpenAI Videos"; if the
		// panel does not find the node (n8n 2.40 hides nodes of the "AI" category from it unless their
		// AI subcategories include "Root Nodes"), the Operation list of the node instead.
		await openWorkflow(example1.id);
		await step('workflow');
		await page.click('[data-test-id=canvas-handle-plus]');
		await page.waitFor('document.querySelector("[data-test-id=node-creator]")', { label: 'the nodes panel' });
		await sleep(2000); // the panel loads its node list in the background
		await page.type('OpenAI Videos');
		const inPanel = await page
			.waitFor('[...document.querySelectorAll("[data-test-id=item-iterator-item]")].some((el) => el.textContent.includes("OpenAI Videos"))', { timeoutMs: 8000 })
			.catch(() => false);
		if (inPanel) {
			await page.click('[data-test-id=item-iterator-item]', { text: 'OpenAI Videos' });
			await page.waitFor('document.querySelector("[data-test-id=node-creator]")?.textContent.includes("Create a video")', { label: 'the actions' });
			await sleep(800);
			await shoot('operations');
			await page.key('Escape', 'Escape', 27);
			await sleep(800);
		} else {
			warnings.push('the nodes panel does not find "OpenAI Videos" (see the codex: AI subcategories need "Root Nodes"); operations.png then shows the Operation list instead');
			log(`warning: ${warnings.at(-1)}`);
			await page.key('Escape', 'Escape', 27);
			await sleep(800);
			await openNode('Create Video');
			await page.click('[data-test-id=parameter-input-operation]');
			await sleep(1200);
			await shoot('operations');
			await page.key('Escape', 'Escape', 27);
			await page.click('[data-test-id=ndv-close-button]');
			await sleep(800);
		}

		// 2 and 3. Run example 1 from the editor, then look at the Create node.
		const videosBefore = api.videos.size;
		await page.click('[data-test-id=execute-workflow-button]');
		const id = await waitFor(() => (api.videos.size > videosBefore ? [...api.videos.keys()].at(-1) : undefined), { timeoutMs: 30_000 });
		if (!id) throw new Error('the workflow did not create a video');
		api.setContent(id, 'video', { size: 3_481_204 }); // the size of a real 8 s 720p clip, more or less
		const downloaded = await waitFor(() => api.requests.some((request) => request.path === `/videos/${id}/content`), { timeoutMs: 30_000 });
		if (!downloaded) throw new Error('the workflow did not download the video');
		await sleep(3000);
		await step('executed');
		await openNode('Create Video');
		await page.click('[data-test-id=output-panel] [data-test-id=radio-button-json]');
		await page.call('Emulation.setDeviceMetricsOverride', { width: 1440, height: 1280, deviceScaleFactor: 1, mobile: false });
		await sleep(1500);
		await shoot('create-parameters');
		await page.call('Emulation.setDeviceMetricsOverride', { width: 1440, height: 900, deviceScaleFactor: 1, mobile: false });
		await page.click('[data-test-id=output-panel] [data-test-id=radio-button-binary]');
		await sleep(1500);
		await shoot('execution-binary');

		// 4. The trigger, with a test event fetched.
		await openWorkflow(trigger.id);
		await openNode('On Finished Video');
		await page.click('[data-test-id=trigger-execute-button]');
		await page.waitFor('document.querySelector("[data-test-id=output-panel] [data-test-id=radio-button-json]")', { label: 'the test event' });
		await sleep(5500); // let the "Node executed successfully" toast go
		await shoot('trigger');

		// 5. Get's Video picker with its "From List" open (the video example 1 just made is listed too).
		await openWorkflow(picker.id);
		await openNode('Get Video');
		await page.click('[data-test-id=rlc-input]');
		await page.waitFor('document.querySelectorAll("[data-test-id=rlc-item]").length >= 3', { label: 'the Video list' });
		await sleep(1200);
		await shoot('video-picker');

		await browser.close();
		log(`${shots.length} screenshots in ${path.relative(ROOT, docs) || '.'}/${warnings.length ? ` (${warnings.length} warning)` : ''}`);
	} catch (error) {
		if (failurePage) {
			const file = path.join(runDir, 'failure.png');
			await failurePage.screenshot(file).catch(() => {});
			error.message += `\n(the page at that moment: ${file}; E2E_KEEP=1 keeps it)`;
		}
		throw error;
	} finally {
		await runCleanups();
	}
}

main().catch((error) => {
	console.error(error?.stack ?? error);
	process.exit(1);
});
