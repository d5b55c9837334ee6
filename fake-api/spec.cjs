'use strict';
/*
 * OpenAI's OpenAPI document of the Videos API (openapi/videos.openapi.yaml, with the reference's
 * corrections from spec-overrides.cjs) as checks the fake runs on what it gets and what it answers.
 *
 *   const spec = require('./spec.cjs').spec();   // built once per process
 *   spec.findOperation(method, segments)   -> { id, method, template, ... } | undefined
 *   spec.checkRequest(record, segments, bodyError) -> { operation?, violation? }
 *   spec.checkAnswer(operation, reply)     -> violation | undefined
 *
 * A violation is { message, param, code } in the words of the API's 400s (spec-messages.cjs).
 * Requests are checked as the document says (extra body fields and query parameters are allowed:
 * the schemas do not close them); answers are checked as closed objects: a field the document
 * does not declare is a violation. Multipart text fields are read as the multipart schema says:
 * `a[b]` fields and JSON text (OpenAPI's encoding of an object part) become objects, file parts
 * stand for `format: binary`.
 */
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const { Ajv2020 } = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const { applyOverrides, FORMATS } = require('./spec-overrides.cjs');
const { messageOf, FILE_TOKEN, isFileToken } = require('./spec-messages.cjs');

const DOCUMENT = path.join(__dirname, 'openapi', 'videos.openapi.yaml');
const METHODS = ['get', 'post', 'delete', 'put', 'patch'];
const mediaType = (contentType) => String(contentType ?? '').split(';')[0].trim().toLowerCase();

/** Every object schema that declares properties, closed to others (for answers). */
function closed(schema) {
	if (Array.isArray(schema)) return schema.map(closed);
	if (!schema || typeof schema !== 'object') return schema;
	const out = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
	if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
	return out;
}

/**
 * validateSchema: false because checking the document against JSON Schema's meta-schema costs a
 * third of a second per test file; spec.test.ts checks it once (loadSpec({ validateSchema: true })).
 */
function createAjv(schemas, { validateSchema = false } = {}) {
	const ajv = new Ajv2020({ allErrors: false, verbose: true, strict: true, strictRequired: false, validateSchema });
	addFormats(ajv);
	ajv.addFormat('binary', { type: 'string', validate: isFileToken });
	for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
	ajv.addVocabulary(['example', 'x-stainless-const']);
	ajv.addKeyword({
		keyword: 'x-exactly-one',
		type: 'object',
		schemaType: 'array',
		validate: (names, data) => names.filter((name) => data[name] !== undefined).length === 1,
	});
	ajv.addSchema({ $id: 'requests', $defs: schemas });
	ajv.addSchema({ $id: 'answers', $defs: closed(schemas) });
	return ajv;
}

/** `#/components/schemas/X` -> `#/$defs/X`, so the schemas can live in one ajv schema. */
const rebased = (doc) => JSON.parse(JSON.stringify(doc).replaceAll('"#/components/schemas/', '"#/$defs/'));

/** A validator compiled on its first call: a test file pays only for the operations it uses. */
function lazy(compileNow) {
	let compiled;
	const validate = (data) => {
		compiled ??= compileNow();
		const valid = compiled(data);
		validate.errors = compiled.errors;
		return valid;
	};
	return validate;
}

function compileOperation(ajv, template, method, op, resolve) {
	const compile = (root, schema) =>
		schema.$ref
			? ajv.getSchema(`${root}${schema.$ref}`)
			: ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"${root}#/$defs/`)));
	const schemaIn = (root, schema) => lazy(() => compile(root, schema));
	const parameters = (op.parameters ?? []).map((parameter) => ({
		name: parameter.name,
		in: parameter.in,
		required: Boolean(parameter.required),
		schema: resolve(parameter.schema),
		validate: schemaIn('requests', parameter.schema),
	}));
	const body = {};
	for (const [type, { schema }] of Object.entries(op.requestBody?.content ?? {})) {
		body[type] = { schema: resolve(schema), validate: schemaIn('requests', schema) };
	}
	const answers = {};
	for (const [status, response] of Object.entries(op.responses ?? {})) {
		answers[status] = {};
		for (const [type, { schema }] of Object.entries(response.content ?? {})) {
			answers[status][type] = type === 'application/json' && schema.$ref ? schemaIn('answers', schema) : undefined;
		}
	}
	return { id: op.operationId, method: method.toUpperCase(), template, segments: template.split('/').slice(1), parameters, body, answers };
}

function buildSpec(options) {
	const doc = rebased(applyOverrides(yaml.load(fs.readFileSync(DOCUMENT, 'utf8'))));
	const schemas = doc.components.schemas;
	const resolve = (schema) => {
		let current = schema ?? {};
		while (current.$ref) current = schemas[current.$ref.replace('#/$defs/', '')];
		return current;
	};
	const ajv = createAjv(schemas, options);
	const operations = [];
	for (const [template, item] of Object.entries(doc.paths)) {
		for (const method of METHODS) {
			if (item[method]) operations.push(compileOperation(ajv, template, method, item[method], resolve));
		}
	}
	// Concrete paths before templated ones (OpenAPI's matching rule): /videos/edits before /videos/{video_id}.
	const templated = (op) => op.segments.filter((segment) => segment.startsWith('{')).length;
	operations.sort((a, b) => templated(a) - templated(b));
	const errorAnswer = lazy(() => ajv.getSchema('answers#/$defs/ErrorResponse'));
	return { operations, resolve, errorAnswer, document: doc };
}

/** The operation a request is, and its path parameters. */
function matchOperation(operations, method, segments) {
	for (const op of operations) {
		if (op.method !== method || op.segments.length !== segments.length) continue;
		const params = {};
		const fits = op.segments.every((segment, i) => {
			if (!segment.startsWith('{')) return segment === segments[i];
			params[segment.slice(1, -1)] = segments[i];
			return segments[i] !== '';
		});
		if (fits) return { op, params };
	}
	return undefined;
}

/** A query string value as the parameter's schema type. */
function coerced(text, schema) {
	if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
	if (schema.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
	return text;
}

function acceptsObject(schema, resolve) {
	const resolved = resolve(schema);
	if (resolved.type === 'object' || resolved.properties) return true;
	return [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])].some((branch) => acceptsObject(branch, resolve));
}

/** Multipart form -> the object its schema describes (see the header). */
function formObject(form, schema, resolve) {
	const out = {};
	for (const [name, text] of Object.entries(form.fields)) {
		const keys = name.match(/^[^[\]]+|\[[^[\]]*\]/g) ?? [name];
		const path = keys.map((key) => key.replace(/^\[|\]$/g, ''));
		if (keys.join('') !== name) path.splice(0, path.length, name);
		let target = out;
		for (const key of path.slice(0, -1)) target = target[key] = typeof target[key] === 'object' ? target[key] : {};
		target[path.at(-1)] = text;
	}
	for (const [name, file] of Object.entries(form.files)) out[name] = `${FILE_TOKEN}${file.fileName ?? ''}`;
	for (const [name, value] of Object.entries(out)) {
		const property = schema.properties?.[name];
		if (typeof value !== 'string' || isFileToken(value) || !property || !acceptsObject(property, resolve)) continue;
		if (!/^\s*\{/.test(value)) continue;
		try {
			out[name] = JSON.parse(value);
		} catch {
			// left as text: the schema says what is wrong with it
		}
	}
	return out;
}

const violation = (message, param = null, code = 'invalid_value') => ({ message, param, code });

function checkParameters(op, record, params, resolve) {
	for (const parameter of op.parameters) {
		const source = parameter.in === 'path' ? params : parameter.in === 'query' ? record.query : undefined;
		if (!source) continue;
		const text = source[parameter.name];
		if (text === undefined) {
			if (parameter.required) return violation(`Missing required parameter: '${parameter.name}'.`, parameter.name, 'missing_required_parameter');
			continue;
		}
		const value = coerced(text, parameter.schema);
		if (!parameter.validate(value)) return messageOf(parameter.validate.errors, value, { prefix: parameter.name, resolve });
	}
	return undefined;
}

function checkBody(op, record, bodyError, resolve) {
	const declared = Object.keys(op.body);
	if (declared.length === 0) return undefined;
	const type = record.body.length === 0 && !record.headers['content-type'] ? 'application/json' : mediaType(record.headers['content-type']);
	const body = op.body[type];
	if (!body) {
		return violation(
			`Unsupported content type: '${type || '(none)'}'. This endpoint accepts ${declared.join(' or ')}.`,
			null,
			'unsupported_content_type',
		);
	}
	if (bodyError) return violation(bodyError, null, 'invalid_body');
	const data = type === 'multipart/form-data' ? formObject(record.form, body.schema, resolve) : (record.json ?? {});
	if (body.validate(data)) return undefined;
	return messageOf(body.validate.errors, data, { resolve });
}

/** options.validateSchema: check the document against JSON Schema's meta-schema (slow; tests). */
function loadSpec(options = {}) {
	const { operations, resolve, errorAnswer, document } = buildSpec(options);

	function checkRequest(record, segments, bodyError) {
		const match = segments && matchOperation(operations, record.method, segments);
		if (!match) {
			const url = record.url.split('?')[0];
			return { violation: violation(`Invalid URL (${record.method} ${url})`, null, 'unknown_url') };
		}
		const { op, params } = match;
		return { operation: op, violation: checkParameters(op, record, params, resolve) ?? checkBody(op, record, bodyError, resolve) };
	}

	/** A reply (server.cjs: { status, json } | { content } | { raw }) against what the operation declares. */
	function checkAnswer(op, reply) {
		const status = reply.content ? 200 : (reply.status ?? 200);
		if (status >= 400) {
			if (reply.json === undefined) return violation(`An error answer ${status} without a JSON body`, null, 'undeclared_answer');
			return errorAnswer(reply.json) ? undefined : messageOf(errorAnswer.errors, reply.json, { resolve });
		}
		const declared = op?.answers[String(status)];
		if (!declared) return violation(`${op ? op.id : 'An unknown route'} does not declare a ${status} answer`, null, 'undeclared_answer');
		if (reply.content) {
			if (reply.content.setByTest) return undefined;
			const type = mediaType(reply.content.headers['content-type']);
			return type in declared ? undefined : violation(`${op.id} does not declare ${type} answers`, null, 'undeclared_answer');
		}
		if (reply.raw !== undefined) return violation(`${op.id} answered a raw body; it declares ${Object.keys(declared).join(', ')}`, null, 'undeclared_answer');
		const validate = declared['application/json'];
		if (!validate) return violation(`${op.id} does not declare JSON answers`, null, 'undeclared_answer');
		return validate(reply.json) ? undefined : messageOf(validate.errors, reply.json, { resolve });
	}

	return { operations, document, findOperation: (method, segments) => matchOperation(operations, method, segments)?.op, checkRequest, checkAnswer };
}

let cached;
/** The compiled document, built once per process (the validators themselves on first use). */
const spec = () => (cached ??= loadSpec());

module.exports = { spec, loadSpec };
