/**
 * Jest setup (jest.config.js, setupFilesAfterEnv): after every test, each fake API still open must
 * have no spec violation left (test/fake-api/spec.cjs). So a request the node sends that OpenAI's
 * OpenAPI document rejects fails the test even when the node took the fake's 400 in its stride,
 * and so does an answer of the fake that the document does not declare.
 *
 * A test that breaks the document on purpose says so: `takeSpecViolations(api)` (harness/fake-api.ts)
 * and an assertion on what it got (e.g. test/actions/video/create.test.ts, test/fake-api/spec.test.ts).
 */
import { assertNoSpecViolations } from './fake-api';

afterEach(assertNoSpecViolations);
