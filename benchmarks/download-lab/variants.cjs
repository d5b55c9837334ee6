'use strict';
/*
 * Download variants for the download lab: a source (how the bytes arrive) and a sink (where
 * they go), each run inside one child process (lab-child.cjs).
 *
 * Sources, all GET <url> with a Bearer key:
 *   undici      undici's request(): body is undici's Readable
 *   http        node:http get(): the IncomingMessage itself
 *   n8n         n8n's HTTP layer as a node calls it (OutboundHttp.requests().request, encoding
 *               'stream', returnFullResponse, no redirects): axios' stream, which axios 1.x wraps
 *               in Readable.from(async generator) to enforce maxContentLength (n8n sets Infinity)
 *   legacy      n8n's deprecated request helper as n8n's OpenAI node calls it (useStream,
 *               resolveWithFullResponse): maxContentLength -1, so the IncomingMessage itself
 * Sinks:
 *   file        pipeline(body, fs.createWriteStream(tmp))
 *   store       n8n-core's prepareBinaryData(body, …) into the binary data service
 *               (filesystem mode: fs.promises.writeFile(tmp, stream) in FsByteStore/FileSystemManager)
 *   store-N     a Transform that joins chunks to N KiB before store (N = 256, 1024, 4096)
 *   iter-store  store of a Readable.from(an async generator reading the body), the shape a node
 *               gets when it wraps the body itself
 *   ours-0.2    store with what 0.2.0's download.ts adds around the body (issue 21): peek() (read
 *               the first chunk, unshift it back), an emit() wrapper counting 'data' bytes, and a
 *               stall watchdog waking every second
 *   peek-store, emit-store, watch-store   one of those three each
 */
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { Readable, Transform } = require('node:stream');
const { pipeline } = require('node:stream/promises');

/** Joins incoming chunks into buffers of `size` bytes (the last one shorter). */
function coalescer(size) {
	let parts = [];
	let held = 0;
	const flush = (stream) => {
		if (held === 0) return;
		stream.push(parts.length === 1 ? parts[0] : Buffer.concat(parts, held));
		parts = [];
		held = 0;
	};
	return new Transform({
		readableHighWaterMark: size,
		writableHighWaterMark: size,
		transform(chunk, _encoding, done) {
			parts.push(chunk);
			held += chunk.length;
			if (held >= size) flush(this);
			done();
		},
		flush(done) {
			flush(this);
			done();
		},
	});
}

/** The first chunk of a stream, put back (0.2.0's peek). */
async function peek(stream) {
	let chunk = stream.read();
	while (chunk === null && !stream.readableEnded) {
		await new Promise((resolve) => {
			stream.once('readable', resolve);
			stream.once('end', resolve);
			stream.once('error', resolve);
		});
		chunk = stream.read();
	}
	if (chunk) stream.unshift(chunk);
	return chunk ?? undefined;
}

/** 0.2.0's emit() wrapper: counts the bytes of every 'data' event. */
function countByEmit(stream) {
	const counted = { bytes: 0, lastChunkAt: Date.now() };
	const emit = stream.emit;
	stream.emit = function (event, ...args) {
		if (event === 'data') {
			counted.bytes += args[0].length;
			counted.lastChunkAt = Date.now();
		}
		return emit.call(this, event, ...args);
	};
	return counted;
}

/** 0.2.0's stall watchdog: wakes every second until stopped. */
function watchdog(stream, sleep) {
	const stop = new AbortController();
	void (async () => {
		while (!stop.signal.aborted && !stream.destroyed) {
			try {
				await sleep(1000, stop.signal);
			} catch {
				// stopped
			}
		}
	})();
	return () => stop.abort();
}

function sources({ modules, apiKey }) {
	const headers = { authorization: `Bearer ${apiKey}` };
	const outbound = () => {
		const { Container } = require(path.join(modules, '@n8n/di'));
		const { OutboundHttp } = require(path.join(modules, '@n8n/backend-network'));
		return Container.get(OutboundHttp).requests();
	};
	return {
		async undici(url) {
			const { request } = require('undici');
			return (await request(url, { headers })).body;
		},
		http(url) {
			return new Promise((resolve, reject) => {
				http.get(url, { headers }, resolve).on('error', reject);
			});
		},
		async legacy(url) {
			const response = await outbound().requestLegacy({
				method: 'GET',
				uri: url,
				headers,
				useStream: true,
				resolveWithFullResponse: true,
				json: false,
				encoding: null,
			});
			return response.body;
		},
		async n8n(url) {
			const response = await outbound().request({
				method: 'GET',
				url,
				headers,
				encoding: 'stream',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
			});
			return response.body;
		},
	};
}

function sinks({ modules }) {
	const core = () => require(path.join(modules, 'n8n-core'));
	const store = async (body) => {
		const binary = await core().prepareBinaryData(body, 'lab-execution', 'lab-workflow', 'video.mp4', 'video/mp4');
		return binary.bytes ?? binary.fileSize;
	};
	const watched = async (body, { usePeek, useEmit, useWatch }) => {
		if (usePeek) await peek(body);
		const counted = useEmit ? countByEmit(body) : undefined;
		const stop = useWatch ? watchdog(body, require(path.join(modules, 'n8n-workflow')).sleep) : () => {};
		try {
			const bytes = await store(body);
			if (counted && counted.bytes !== bytes) throw new Error(`counted ${counted.bytes} of ${bytes}`);
			return bytes;
		} finally {
			stop();
		}
	};
	return {
		'ours-0.2': async (body) => await watched(body, { usePeek: true, useEmit: true, useWatch: true }),
		'peek-store': async (body) => await watched(body, { usePeek: true }),
		'emit-store': async (body) => await watched(body, { useEmit: true }),
		'watch-store': async (body) => await watched(body, { useWatch: true }),
		async file(body) {
			const target = path.join(os.tmpdir(), `download-lab-${process.pid}-${Date.now()}.bin`);
			await pipeline(body, fs.createWriteStream(target));
			const { size } = fs.statSync(target);
			fs.rmSync(target);
			return size;
		},
		store,
		'store-256': async (body) => await store(body.pipe(coalescer(256 * 1024))),
		'store-1024': async (body) => await store(body.pipe(coalescer(1024 * 1024))),
		'store-4096': async (body) => await store(body.pipe(coalescer(4096 * 1024))),
		'iter-store': async (body) => {
			async function* chunks() {
				for await (const chunk of body) yield chunk;
			}
			return await store(Readable.from(chunks(), { objectMode: false }));
		},
	};
}

module.exports = { sources, sinks, coalescer };
