/**
 * Jest setup (jest.config.js, setupFilesAfterEnv): after every test, each fake API still open must
 * have no spec violation left (test/fake-api/spec.cjs). So a request the node sends that OpenAI's
 * OpenAPI document rejects fails the test even when the node took the fake's 400 in its stride,
 * and so does an answer of the fake that the document does not declare.
 *
 * A test that breaks the document on purpose says so: `api.takeSpecViolations()` and an assertion
 * on what it got (see test/fake-api/spec.test.ts).
 */
import { openFakes, type SpecViolation } from './fake-api';

const described = (violation: SpecViolation) =>
	`${violation.direction} ${violation.method} ${violation.path} (${violation.operation ?? 'no such operation'}): ` +
	`${violation.message} [param ${violation.param}, code ${violation.code}]`;

afterEach(() => {
	const left = [...openFakes].flatMap((api) => api.takeSpecViolations());
	if (left.length === 0) return;
	throw new Error(
		`The fake API saw ${left.length} violation(s) of OpenAI's OpenAPI document (test/fake-api/openapi/):\n` +
			left.map((violation) => `  - ${described(violation)}`).join('\n') +
			'\nFix the request or the fake; a test that breaks the document on purpose takes them with api.takeSpecViolations().',
	);
});
