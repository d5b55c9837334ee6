'use strict';
/*
 * GET /videos/{id}/content responses: default bytes per variant, custom
 * buffers, caller-supplied Readables, and large deterministic streams.
 *
 * Deterministic stream ({ size: N }): the byte at offset k is `k % 251`. It is
 * produced by repeating one ~64 KiB pattern chunk (251 * 261 bytes), so memory
 * stays flat however large N is, and backpressure is honoured.
 */
const { Readable, pipeline } = require('node:stream');

const VARIANT_INFO = {
	video: { ext: 'mp4', contentType: 'video/mp4', prefix: 'fake-mp4:' },
	thumbnail: { ext: 'webp', contentType: 'image/webp', prefix: 'fake-webp:' },
	spritesheet: { ext: 'jpg', contentType: 'image/jpeg', prefix: 'fake-jpg:' },
};

const PATTERN_MODULUS = 251;
const PATTERN = Buffer.from(Array.from({ length: PATTERN_MODULUS * 261 }, (_, i) => i % PATTERN_MODULUS));

/** A Readable of `size` bytes where byte k is k % 251. */
function patternStream(size) {
	let offset = 0;
	return new Readable({
		read() {
			if (offset >= size) return void this.push(null);
			const n = Math.min(PATTERN.length, size - offset);
			offset += n;
			this.push(PATTERN.subarray(0, n));
		},
	});
}

/** Quote-safe filename for content-disposition (ids may contain anything). */
function dispositionFilename(id, ext) {
	return `${id}.${ext}`.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/**
 * Resolve what to send: { headers, body: Buffer } or { headers, stream: Readable }.
 * `spec` is whatever was passed to setContent (or undefined for the default).
 */
function resolveContent(id, variant, spec = {}) {
	const info = VARIANT_INFO[variant];
	const headers = {
		'content-type': spec.contentType ?? info.contentType,
		'content-disposition': `attachment; filename="${dispositionFilename(id, info.ext)}"`,
	};
	let result;
	if (typeof spec.body === 'function') {
		result = { stream: spec.body() };
		if (spec.size != null) headers['content-length'] = String(spec.size);
	} else if (spec.body != null) {
		const body = Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(String(spec.body));
		result = { body };
		headers['content-length'] = String(body.length);
	} else if (spec.size != null) {
		result = { stream: patternStream(spec.size) };
		headers['content-length'] = String(spec.size);
	} else {
		const body = Buffer.from(info.prefix + id);
		result = { body };
		headers['content-length'] = String(body.length);
	}
	result.headers = { ...headers, ...spec.headers };
	// A type or headers a test chose on purpose are not the fake's own answer (spec.cjs skips them).
	result.setByTest = spec.contentType !== undefined || spec.headers !== undefined;
	return result;
}

/** Write resolved content to an http.ServerResponse. */
function sendContent(res, resolved, extraHeaders = {}) {
	res.writeHead(200, { ...extraHeaders, ...resolved.headers });
	if (resolved.body) return void res.end(resolved.body);
	// pipeline destroys the source if the client goes away mid-download.
	pipeline(resolved.stream, res, () => {});
}

module.exports = { VARIANT_INFO, patternStream, resolveContent, sendContent, PATTERN_MODULUS };
