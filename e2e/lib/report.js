'use strict';
/*
 * One line per check, a plain summary at the end.
 *
 *   const report = new Report({ features, strict });
 *   const t = report.scope('01 prompt to file');
 *   t.ok(cond, 'label', detailIfFailed);
 *   t.equal(actual, expected, 'label');
 *   t.match(text, /re/, 'label');
 *   const w = t.needing('waitForCompletion');   // checks of a feature the node may not have yet
 *   w.equal(...);
 *
 * Checks that need a feature (see features.js) are enforced when the built node has the feature.
 * While it does not, such a check that fails prints "pending" instead of "FAIL" and is not
 * counted as failed; set E2E_STRICT=1 to count it anyway. A check that passes always counts.
 */
const util = require('node:util');

function show(value) {
	return util.inspect(value, { depth: 4, breakLength: Infinity, maxStringLength: 300, maxArrayLength: 20 });
}

class Report {
	constructor({ features = {}, strict = false, out = (line) => console.log(line) } = {}) {
		this.features = features;
		this.strict = strict;
		this.out = out;
		this.passed = 0;
		this.failed = 0;
		this.pending = 0;
		this.failures = [];
		this.pendingFeatures = new Set();
	}

	scope(prefix, needs) {
		return new Scope(this, prefix, needs);
	}

	record(prefix, needs, pass, label, detail) {
		const name = `${prefix}: ${label}`;
		const missing = needs.filter((feature) => !this.features[feature]);
		if (pass) {
			this.passed += 1;
			this.out(`ok      ${name}`);
		} else if (missing.length && !this.strict) {
			this.pending += 1;
			missing.forEach((feature) => this.pendingFeatures.add(feature));
			this.out(`pending ${name}  [needs ${missing.join(', ')}, not in the node yet]${detail ? ` -- ${detail}` : ''}`);
		} else {
			this.failed += 1;
			this.failures.push(name);
			const tag = needs.length ? `  [needs ${needs.join(', ')}]` : '';
			this.out(`FAIL    ${name}${tag}${detail ? ` -- ${detail}` : ''}`);
		}
		return pass;
	}

	summary() {
		if (this.pending) {
			this.out(
				`${this.pending} pending: checks of features the built node does not have yet (${[...this.pendingFeatures].join(', ')}); ` +
					'they count once the feature is in dist/, or now with E2E_STRICT=1',
			);
		}
		this.out(`${this.passed} passed, ${this.failed} failed`);
		return this.failed === 0;
	}
}

class Scope {
	constructor(report, prefix, needs = []) {
		this.report = report;
		this.prefix = prefix;
		this.needs = [].concat(needs);
	}

	/** The same scope, its checks needing one more feature. */
	needing(feature) {
		return new Scope(this.report, this.prefix, [...this.needs, feature]);
	}

	ok(condition, label, detail) {
		return this.report.record(this.prefix, this.needs, Boolean(condition), label, condition ? undefined : detail);
	}

	equal(actual, expected, label) {
		const pass = util.isDeepStrictEqual(actual, expected);
		return this.report.record(this.prefix, this.needs, pass, label, pass ? undefined : `got ${show(actual)}, expected ${show(expected)}`);
	}

	/** Every key of `expected` deep-equals the same key of `actual`. */
	includes(actual, expected, label) {
		const wrong = Object.keys(expected).filter((key) => !util.isDeepStrictEqual(actual?.[key], expected[key]));
		const pass = actual !== null && typeof actual === 'object' && wrong.length === 0;
		const detail = pass
			? undefined
			: `got ${show(actual && typeof actual === 'object' ? Object.fromEntries(wrong.map((k) => [k, actual[k]])) : actual)}, expected ${show(Object.fromEntries(wrong.map((k) => [k, expected[k]])))}`;
		return this.report.record(this.prefix, this.needs, pass, label, detail);
	}

	match(text, pattern, label) {
		const pass = typeof text === 'string' && pattern.test(text);
		const shown = typeof text === 'string' && text.length > 300 ? `the text (${text.length} characters)` : show(text);
		return this.report.record(this.prefix, this.needs, pass, label, pass ? undefined : `${shown} does not match ${pattern}`);
	}

	/** Runs fn; an exception is a failed check instead of the end of the suite. */
	async guard(label, fn) {
		try {
			return await fn();
		} catch (error) {
			this.report.record(this.prefix, this.needs, false, label, error?.stack ?? String(error));
			return undefined;
		}
	}
}

module.exports = { Report, show };
