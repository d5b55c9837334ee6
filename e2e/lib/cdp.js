'use strict';
/*
 * A headless Chromium driven over the Chrome DevTools Protocol, with nothing but Node's global
 * WebSocket (Node 22+). Enough for screenshots of the n8n editor:
 *
 *   const browser = await launchChromium({ executable, width, height });
 *   const page = await browser.newPage();
 *   await page.goto(url);  await page.waitFor('js expression');  await page.eval('js');
 *   await page.click('css selector');  await page.screenshot('file.png');
 *   await browser.close();
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));


function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	return candidates.find((file) => file && fs.existsSync(file));
}

async function launchChromium({ executable = findChromium(), width = 1440, height = 900, scale = 1 } = {}) {
	if (!executable) throw new Error('no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
	if (typeof WebSocket !== 'function') throw new Error('this needs Node 22+ (global WebSocket)');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
	const child = spawn(
		executable,
		[
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--no-first-run',
			'--no-default-browser-check',
			'--hide-scrollbars',
			'--disable-breakpad',
			'--disable-crash-reporter',
			'--disable-background-networking',
			'--disable-component-update',
			'--password-store=basic',
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			`--window-size=${width},${height}`,
			'about:blank',
		],
		// Its own process group, so that close() can end Chromium and every helper process it started.
		{ stdio: ['ignore', 'ignore', 'pipe'], detached: true },
	);
	const wsUrl = await new Promise((resolve, reject) => {
		let text = '';
		const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${text}`)), 30_000);
		child.stderr.on('data', (chunk) => {
			text += chunk;
			const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
		child.on('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${text}`)));
	});

	const socket = new WebSocket(wsUrl);
	await new Promise((resolve, reject) => {
		socket.addEventListener('open', resolve, { once: true });
		socket.addEventListener('error', reject, { once: true });
	});
	let nextId = 1;
	const pending = new Map();
	const listeners = new Set();
	socket.addEventListener('message', (event) => {
		const message = JSON.parse(event.data);
		if (message.id && pending.has(message.id)) {
			const { resolve, reject } = pending.get(message.id);
			pending.delete(message.id);
			if (message.error) reject(new Error(`${message.error.message} ${message.error.data ?? ''}`));
			else resolve(message.result);
		} else if (message.method) {
			for (const listener of listeners) listener(message);
		}
	});
	socket.addEventListener('close', () => {
		for (const { reject } of pending.values()) reject(new Error('the DevTools connection closed'));
		pending.clear();
	});
	function send(method, params = {}, sessionId) {
		if (socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error(`${method}: the DevTools connection is closed`));
		const id = nextId++;
		const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
		socket.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }));
		let timer;
		const timeout = new Promise((_, reject) => {
			timer = setTimeout(() => reject(new Error(`${method}: no answer from Chromium in 60 s`)), 60_000);
			timer.unref();
		});
		return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
	}

	async function newPage() {
		const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
		const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
		const call = (method, params) => send(method, params, sessionId);
		await call('Page.enable');
		await call('Runtime.enable');
		await call('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: scale, mobile: false });

		const page = {
			call,
			async eval(expression) {
				const { result, exceptionDetails } = await call('Runtime.evaluate', {
					expression,
					awaitPromise: true,
					returnByValue: true,
				});
				if (exceptionDetails) throw new Error(`${expression.slice(0, 200)}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
				return result.value;
			},
			async goto(url) {
				const loaded = new Promise((resolve) => {
					const listener = (message) => {
						if (message.sessionId === sessionId && message.method === 'Page.loadEventFired') {
							listeners.delete(listener);
							resolve();
						}
					};
					listeners.add(listener);
				});
				await call('Page.navigate', { url });
				await Promise.race([loaded, sleep(30_000)]);
			},
			/** Waits until the expression is truthy; returns its value. */
			async waitFor(expression, { timeoutMs = 30_000, label = expression } = {}) {
				const until = Date.now() + timeoutMs;
				for (;;) {
					const value = await page.eval(expression).catch(() => undefined);
					if (value) return value;
					if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
					await sleep(250);
				}
			},
			/** Centre of the first element matching the selector (optionally containing text). */
			async centreOf(selector, text) {
				const box = await page.waitFor(
					`(() => { const els = [...document.querySelectorAll(${JSON.stringify(selector)})]` +
						`.filter((el) => el.offsetParent !== null || el.getClientRects().length)` +
						(text ? `.filter((el) => el.textContent.trim().includes(${JSON.stringify(text)}))` : '') +
						`; const el = els[0]; if (!el) return null; const r = el.getBoundingClientRect();` +
						` return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
					{ label: `${selector}${text ? ` with "${text}"` : ''}` },
				);
				return box;
			},
			async mouse(x, y, clickCount = 1) {
				await call('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
				for (let n = 1; n <= clickCount; n++) {
					await call('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: n });
					await call('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: n });
				}
			},
			async click(selector, { text, clickCount = 1 } = {}) {
				const { x, y } = await page.centreOf(selector, text);
				await page.mouse(x, y, clickCount);
			},
			async type(text) {
				await call('Input.insertText', { text });
			},
			async key(key, code = key, keyCode) {
				const base = { key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
				await call('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
				await call('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
			},
			async screenshot(file, clip) {
				const { data } = await call('Page.captureScreenshot', { format: 'png', ...(clip && { clip: { ...clip, scale: 1 } }) });
				fs.mkdirSync(path.dirname(file), { recursive: true });
				fs.writeFileSync(file, Buffer.from(data, 'base64'));
				return file;
			},
		};
		return page;
	}

	let closing;
	return {
		newPage,
		close() {
			closing ??= closeBrowser();
			return closing;
		},
	};

	async function closeBrowser() {
		try {
			await send('Browser.close');
		} catch {
			// already gone
		}
		socket.close();
		if (child.exitCode === null && child.signalCode === null) {
			await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5000)]);
		}
		try {
			process.kill(-child.pid, 'SIGKILL'); // the group: helpers outlive a closed browser
		} catch {
			// all gone
		}
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

module.exports = { launchChromium, findChromium, sleep };
