/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Captures what n8n logs while a test runs: n8n-core's engine logs through n8n-workflow's
 * LoggerProxy, its execution contexts and error reporter through the backend Logger instance.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

import { prepareEnvironment } from '../harness/environment';

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** JSON of anything, errors with their message, stack, description and cause; cycles cut. */
export function everything(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, entry: unknown) => {
		if (!entry || typeof entry !== 'object') return entry;
		if (seen.has(entry)) return '[cycle]';
		seen.add(entry);
		if (entry instanceof Error) {
			return Object.fromEntries(Object.getOwnPropertyNames(entry).map((name) => [name, (entry as unknown as Record<string, unknown>)[name]]));
		}
		return entry;
	}) ?? String(value);
}

/** The log lines of the running test file, emptied before each test. */
export function captureLogs(): { lines: string[] } {
	const capture = { lines: [] as string[] };
	const record = (level: string) => (message: unknown, meta?: unknown) => {
		capture.lines.push(`${level} ${typeof message === 'string' ? message : everything(message)} ${everything(meta ?? null)}`);
	};
	beforeAll(async () => {
		await prepareEnvironment();
		LoggerProxy.init(Object.fromEntries(LEVELS.map((level) => [level, record(level)])) as unknown as Parameters<typeof LoggerProxy.init>[0]);
		const logger = Container.get(Logger);
		for (const level of LEVELS) jest.spyOn(logger, level).mockImplementation(record(level));
	});
	beforeEach(() => {
		capture.lines.length = 0;
	});
	return capture;
}
