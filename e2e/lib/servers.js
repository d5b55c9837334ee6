'use strict';
/*
 * Loopback servers of the suite, in this process:
 *   - the fake OpenAI Videos API of the unit tests (fake-api/server.cjs);
 *   - an "assets" server on another port, i.e. another origin: it serves the reference image
 *     an HTTP Request node fetches, and plays the storage host a /content redirect may lead to.
 *     It records every request (method, url, headers).
 */
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');

const { startFakeApi } = require(path.join(__dirname, '..', '..', 'fake-api', 'server.cjs'));

/** CRC-32 for the PNG chunks. */
function crc32(buffer) {
	let crc = ~0;
	for (const byte of buffer) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function pngChunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A real, small PNG (width x height, a colour gradient), so every image check in n8n passes. */
function makePng(width = 64, height = 36) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: RGB
	const rows = [];
	for (let y = 0; y < height; y++) {
		const row = Buffer.alloc(1 + width * 3);
		for (let x = 0; x < width; x++) {
			row[1 + x * 3] = Math.round((255 * x) / width);
			row[2 + x * 3] = Math.round((255 * y) / height);
			row[3 + x * 3] = 160;
		}
		rows.push(row);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

const PNG = makePng();

/**
 * GET /frame.png          the reference image (image/png)
 * GET /signed/<name>      a "signed URL" file: the bytes set with setFile(name, body, type)
 * anything else           404
 */
async function startAssetServer() {
	const files = new Map([['frame.png', { body: PNG, type: 'image/png' }]]);
	const requests = [];
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method, url: req.url, headers: req.headers });
		const name = decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/^\/(signed\/)?/, ''));
		const file = files.get(name);
		if (!file || req.method !== 'GET') {
			res.writeHead(404, { 'content-type': 'text/plain' });
			return void res.end('not found');
		}
		res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.body.length) });
		res.end(file.body);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${server.address().port}`;
	return {
		origin,
		png: PNG,
		requests,
		setFile(name, body, type = 'application/octet-stream') {
			files.set(name, { body: Buffer.from(body), type });
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections?.();
			}),
	};
}

module.exports = { startFakeApi, startAssetServer, makePng };
