'use strict';
/*
 * `n8n start` on 127.0.0.1 for what `n8n execute` cannot do: active workflows (a polling
 * trigger firing on its schedule) and the editor (screenshots); `n8n worker` for queue mode.
 *
 *   const server = await startN8nServer(cli, { logFile });   // cli: an N8nCli (same user folder)
 *   const worker = await startN8nServer(cli, { command: 'worker' });  // ready when its health check is
 *   await server.setupOwner();                               // first start: create the owner, log in
 *   await server.rest('GET', '/rest/executions?...');        // n8n's internal REST API, as the editor calls it
 *   const execution = await server.execution(id);            // with its run data (unflattened)
 *   await server.stop();
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const OWNER = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Passw0rd!' };
const BROWSER_ID = 'n8n-nodes-openai-videos-e2e-browser';

const { freePort } = require('./n8n-cli');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a process listens on: the editor and API (start), or the health check (worker). */
function listenEnv(command, port, baseUrl) {
	if (command === 'worker') {
		return { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' };
	}
	return { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_HOST: '127.0.0.1', N8N_EDITOR_BASE_URL: baseUrl, N8N_PROTOCOL: 'http' };
}

async function startN8nServer(cli, { command = 'start', logFile, port, env = {}, readyTimeoutMs = 300_000 } = {}) {
	port = port ?? (await freePort());
	const baseUrl = `http://127.0.0.1:${port}`;
	logFile = logFile ?? path.join(cli.home, `n8n-${command}-${port}.log`);
	const log = fs.openSync(logFile, 'a');
	const child = spawn(cli.install.nodeBin, [cli.install.n8nBin, command], {
		cwd: cli.home,
		// Each n8n process its own task broker port: two on one machine collide on the default 5679.
		env: { ...cli.env, ...listenEnv(command, port, baseUrl), N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env },
		stdio: ['ignore', log, log],
	});
	let exited = null;
	const exitPromise = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		}),
	);
	let cookie = '';
	let stopping;

	async function rest(method, urlPath, body) {
		const response = await fetch(`${baseUrl}${urlPath}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(cookie && { cookie }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((entry) => entry.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		if (!response.ok) throw new Error(`${method} ${urlPath}: HTTP ${response.status} ${text.slice(0, 500)}`);
		return json;
	}

	const server = {
		baseUrl,
		port,
		pid: child.pid,
		logFile,
		rest,
		get cookie() {
			return cookie;
		},
		browserId: BROWSER_ID,
		owner: OWNER,
		async setupOwner() {
			try {
				await rest('POST', '/rest/owner/setup', OWNER);
			} catch {
				await rest('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
			}
			return cookie;
		},
		/** An execution with its run data (n8n stores it "flatted"; the editor unflattens it). */
		async execution(id) {
			const { data } = await rest('GET', `/rest/executions/${id}`);
			const { parse } = require(path.join(cli.install.n8nModules, 'flatted', 'cjs', 'index.js'));
			return { ...data, data: typeof data.data === 'string' ? parse(data.data) : data.data };
		},
		async executions(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const { data } = await rest('GET', `/rest/executions?filter=${filter}&limit=50`);
			return data.results ?? data;
		},
		stop() {
			stopping ??= (async () => {
				if (!exited) child.kill('SIGTERM'); // n8n shuts down its task runner and triggers
				const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
				const result = await exitPromise;
				clearTimeout(timer);
				fs.closeSync(log);
				return result;
			})();
			return stopping;
		},
		readLog() {
			return fs.readFileSync(server.logFile, 'utf8');
		},
	};

	const until = Date.now() + readyTimeoutMs;
	for (;;) {
		if (exited) throw new Error(`n8n ${command} exited (${JSON.stringify(exited)}):\n${server.readLog().slice(-3000)}`);
		try {
			const response = await fetch(`${baseUrl}/healthz/readiness`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > until) {
			await server.stop();
			throw new Error(`n8n ${command} was not ready after ${readyTimeoutMs / 1000} s:\n${server.readLog().slice(-3000)}`);
		}
		await sleep(500);
	}
	return server;
}

module.exports = { startN8nServer, freePort, OWNER };
