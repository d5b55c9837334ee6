'use strict';
/*
 * One line per check, a plain summary at the end.
 *
 *   const report = new Report();
 *   const t = report.scope('01 prompt to file');
 *   t.ok(cond, 'label', detailIfFailed);
 *   t.equal(actual, expected, 'label');
 *   t.match(text, /re/, 'label');
 */
const util = require('node:util');

function show(value) {
	return util.inspect(value, { depth: 4, breakLength: Infinity, maxStringLength: 300, maxArrayLength: 20 });
}

class Report {
	constructor({ out = (line) => console.log(line) } = {}) {
		this.out = out;
		this.passed = 0;
		this.failed = 0;
		this.failures = [];
	}

	scope(prefix) {
		return new Scope(this, prefix);
	}

	record(prefix, pass, label, detail) {
		const name = `${prefix}: ${label}`;
		if (pass) {
			this.passed += 1;
			this.out(`ok      ${name}`);
		} else {
			this.failed += 1;
			this.failures.push(name);
			this.out(`FAIL    ${name}${detail ? ` -- ${detail}` : ''}`);
		}
		return pass;
	}

	summary() {
		this.out(`${this.passed} passed, ${this.failed} failed`);
		return this.failed === 0;
	}
}

class Scope {
	constructor(report, prefix) {
		this.report = report;
		this.prefix = prefix;
	}

	ok(condition, label, detail) {
		return this.report.record(this.prefix, Boolean(condition), label, condition ? undefined : detail);
	}

	equal(actual, expected, label) {
		const pass = util.isDeepStrictEqual(actual, expected);
		return this.report.record(this.prefix, pass, label, pass ? undefined : `got ${show(actual)}, expected ${show(expected)}`);
	}

	/** Every key of `expected` deep-equals the same key of `actual`. */
	includes(actual, expected, label) {
		const wrong = Object.keys(expected).filter((key) => !util.isDeepStrictEqual(actual?.[key], expected[key]));
		const pass = actual !== null && typeof actual === 'object' && wrong.length === 0;
		const detail = pass
			? undefined
			: `got ${show(actual && typeof actual === 'object' ? Object.fromEntries(wrong.map((k) => [k, actual[k]])) : actual)}, expected ${show(Object.fromEntries(wrong.map((k) => [k, expected[k]])))}`;
		return this.report.record(this.prefix, pass, label, detail);
	}

	match(text, pattern, label) {
		const pass = typeof text === 'string' && pattern.test(text);
		const shown = typeof text === 'string' && text.length > 300 ? `the text (${text.length} characters)` : show(text);
		return this.report.record(this.prefix, pass, label, pass ? undefined : `${shown} does not match ${pattern}`);
	}

	/** Runs fn; an exception is a failed check instead of the end of the suite. */
	async guard(label, fn) {
		try {
			return await fn();
		} catch (error) {
			this.report.record(this.prefix, false, label, error?.stack ?? String(error));
			return undefined;
		}
	}
}

module.exports = { Report, show };
