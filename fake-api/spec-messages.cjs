'use strict';
/*
 * ajv's errors as the OpenAI API words a 400: `{ message, param, code }` for the first thing wrong
 * with a request (spec.cjs), e.g. "Invalid value: '5'. Supported values are: '4', '8', and '12'."
 */

const FILE_TOKEN = '\u0000file\u0000';
const isFileToken = (value) => typeof value === 'string' && value.startsWith(FILE_TOKEN);

const paramOf = (instancePath) =>
	instancePath
		.split('/')
		.slice(1)
		.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
		.join('.');

const join = (path, name) => (path && name ? `${path}.${name}` : path || name);

function valueAt(data, instancePath) {
	let value = data;
	for (const part of instancePath.split('/').slice(1)) value = value?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
	return value;
}

function shown(value) {
	if (isFileToken(value)) return 'a file upload';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

function typeName(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (Number.isInteger(value)) return 'an integer';
	if (typeof value === 'number') return 'a decimal';
	if (isFileToken(value)) return 'a file upload';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const article = (type) => (type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`);

function listed(values) {
	const quoted = values.map((value) => `'${value}'`);
	if (quoted.length < 3) return quoted.join(' and ');
	return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
}

/** One branch of a oneOf/anyOf, in words ("a file upload", "an object with 'id'"). */
function described(schema, resolve) {
	const resolved = resolve(schema);
	if (resolved.format === 'binary') return 'a file upload';
	if (resolved.enum) return `one of ${listed(resolved.enum)}`;
	if (resolved.type === 'object' || resolved.properties) {
		const names = resolved.required?.length ? resolved.required : Object.keys(resolved.properties ?? {});
		return `an object with ${names.map((name) => `'${name}'`).join(' or ')}`;
	}
	return article(resolved.type ?? 'value');
}

const MESSAGES = {
	required: (e, param) => ({
		param: join(param, e.params.missingProperty),
		code: 'missing_required_parameter',
		message: `Missing required parameter: '${join(param, e.params.missingProperty)}'.`,
	}),
	enum: (e, param, value) => ({
		param,
		code: 'invalid_value',
		message: `Invalid value: ${shown(value)}. Supported values are: ${listed(e.params.allowedValues)}.`,
	}),
	type: (e, param, value) => ({
		param,
		code: 'invalid_type',
		message: `Invalid type for ${param ? `'${param}'` : 'the request body'}: expected ${article(e.params.type)}, but got ${typeName(value)} instead.`,
	}),
	maxLength: (e, param, value) => ({
		param,
		code: 'string_above_max_length',
		message: `Invalid '${param}': string too long. Expected a string with maximum length ${e.params.limit}, but got a string with length ${[...value].length} instead.`,
	}),
	minLength: (e, param, value) => ({
		param,
		code: 'string_below_min_length',
		message: `Invalid '${param}': string too short. Expected a string with minimum length ${e.params.limit}, but got a string with length ${[...value].length} instead.`,
	}),
	minimum: (e, param, value) => ({
		param,
		code: 'integer_below_min_value',
		message: `Invalid '${param}': integer below minimum value. Expected a value >= ${e.params.limit}, but got ${value} instead.`,
	}),
	maximum: (e, param, value) => ({
		param,
		code: 'integer_above_max_value',
		message: `Invalid '${param}': integer above maximum value. Expected a value <= ${e.params.limit}, but got ${value} instead.`,
	}),
	format: (e, param, value) =>
		e.params.format === 'binary'
			? { param, code: 'invalid_type', message: `Invalid '${param}': expected a file upload, but got ${typeName(value)} instead.` }
			: {
					param,
					code: 'invalid_url',
					message: `Invalid '${param}': expected a fully qualified URL (http:// or https://) or a base64-encoded data URL, but got ${shown(value)} instead.`,
				},
	'x-exactly-one': (e, param) => ({
		param,
		code: 'invalid_value',
		message: `Invalid '${param}': provide exactly one of ${e.schema.map((name) => `'${name}'`).join(' or ')}.`,
	}),
	additionalProperties: (e, param) => ({
		param: join(param, e.params.additionalProperty),
		code: 'undeclared_property',
		message: `'${join(param, e.params.additionalProperty)}' is not declared by the schema.`,
	}),
};

function combined(e, param, value, resolve) {
	const branches = e.schema.map((branch) => described(branch, resolve));
	return {
		param,
		code: 'invalid_type',
		message: `Invalid '${param}': expected ${branches.join(' or ')}, but got ${typeName(value)} instead.`,
	};
}

/**
 * The error to report from ajv's list: the deepest one (a oneOf's failing branches report the
 * same spot as the oneOf itself, so at that spot the oneOf speaks for them).
 */
function messageOf(errors, data, { prefix = '', resolve = (schema) => schema } = {}) {
	const depth = (e) => e.instancePath.split('/').length;
	const deepest = Math.max(...errors.map(depth));
	const atDeepest = errors.filter((e) => depth(e) === deepest);
	const error = atDeepest.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf') ?? atDeepest[0];
	const param = join(prefix, paramOf(error.instancePath));
	const value = valueAt(data, error.instancePath);
	const format = error.keyword === 'oneOf' || error.keyword === 'anyOf' ? combined : MESSAGES[error.keyword];
	const described = format
		? format(error, param, value, resolve)
		: { param, code: 'invalid_value', message: `Invalid '${param}': ${error.message}.` };
	return { ...described, param: described.param || null }; // the body itself: param null, as the API says
}

module.exports = { messageOf, FILE_TOKEN, isFileToken };
