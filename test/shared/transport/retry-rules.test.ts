/** Which failed requests are sent again, and the backoff between tries: pure rules, no servers. */
import type { INode } from 'n8n-workflow';

import { ServerError, TransportError } from '../../../nodes/shared/transport/errors';
import { backoffMs, isRetryable, mayHaveStartedJob } from '../../../nodes/shared/transport/retry-rules';

const node = { name: 'OpenAI Videos', type: 't', typeVersion: 1, parameters: {} } as unknown as INode;
const answer = (status: number, quota = false) => new ServerError(node, status, 'words', `failed (${status})`, undefined, { quota });
const broken = (code: string) => new TransportError(node, `failed: ${code}`, code);

describe('isRetryable', () => {
	test.each([
		[answer(429), true, true],
		[answer(429, true), false, false],
		[answer(500), true, false],
		[answer(503), true, false],
		[answer(408), true, false],
		[answer(400), false, false],
		[answer(401), false, false],
		[answer(404), false, false],
		[broken('ECONNREFUSED'), true, true],
		[broken('ECONNRESET'), true, false],
		[broken('ETIMEDOUT'), true, false],
		[broken('EBODY'), true, false],
		[broken('CANCELLED'), false, false],
		[broken('DEADLINE'), false, false],
		[broken('ERR_REDIRECT_REFUSED'), false, false],
	])('%s: reads and deletes %s, paid creates %s', (error, idempotent, paid) => {
		expect(isRetryable(error, 'idempotent')).toBe(idempotent);
		expect(isRetryable(error, 'startsPaidJob')).toBe(paid);
	});
});

describe('mayHaveStartedJob', () => {
	test.each([
		[answer(500), true],
		[answer(502), true],
		[answer(429), false],
		[answer(400), false],
		[broken('ECONNRESET'), true],
		[broken('ETIMEDOUT'), true],
		[broken('ECONNREFUSED'), false],
		[broken('ENOTFOUND'), false],
		[broken('CANCELLED'), false],
		[broken('DEADLINE'), false],
		[broken('ERR_TOO_MANY_REDIRECTS'), false],
	])('%s → %s', (error, started) => {
		expect(mayHaveStartedJob(error)).toBe(started);
	});
});

test('backoff: 0.5 s doubling to 30 s, each wait between half and all of it', () => {
	expect([0, 1, 2, 3, 6, 10].map((attempt) => backoffMs(attempt, () => 1))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
	expect([0, 1, 6].map((attempt) => backoffMs(attempt, () => 0))).toEqual([250, 500, 15_000]);
});
