'use strict';
/*
 * Request body helpers for the fake API, built on Node 20 globals only.
 * multipart/form-data is parsed with the WHATWG Response#formData() parser.
 */

/** Read the whole request body into one Buffer. */
function readBody(req) {
	return new Promise((resolve) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		// A client that aborts mid-upload still gets a record with what arrived.
		req.on('error', () => resolve(Buffer.concat(chunks)));
		req.on('close', () => resolve(Buffer.concat(chunks)));
	});
}

const mediaType = (contentType) => String(contentType ?? '').split(';')[0].trim().toLowerCase();

/** multipart body -> { fields: {name: string}, files: {name: {fileName, mimeType, data}} } */
async function parseMultipart(contentType, body) {
	const formData = await new Response(body, { headers: { 'content-type': contentType } }).formData();
	const form = { fields: {}, files: {} };
	for (const [name, value] of formData) {
		if (typeof value === 'string') {
			form.fields[name] = value;
		} else {
			const data = Buffer.from(await value.arrayBuffer());
			form.files[name] = { fileName: value.name, mimeType: value.type, data };
		}
	}
	return form;
}

/**
 * Parse a body by its content-type.
 * Returns { json, form, error } where `error` is a message when the body is
 * declared JSON/multipart but cannot be parsed.
 */
async function parseBody(contentType, body) {
	const type = mediaType(contentType);
	if (type === 'application/json') {
		if (body.length === 0) return { json: undefined, form: undefined, error: undefined };
		try {
			return { json: JSON.parse(body.toString('utf8')), form: undefined, error: undefined };
		} catch (err) {
			return { json: undefined, form: undefined, error: `We could not parse the JSON body of your request. (${err.message})` };
		}
	}
	if (type === 'multipart/form-data') {
		try {
			return { json: undefined, form: await parseMultipart(contentType, body), error: undefined };
		} catch (err) {
			return { json: undefined, form: undefined, error: `Could not parse multipart/form-data body: ${err.message}` };
		}
	}
	return { json: undefined, form: undefined, error: undefined };
}

module.exports = { readBody, parseBody };
