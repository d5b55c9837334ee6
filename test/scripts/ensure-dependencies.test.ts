/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * scripts/ensure-dependencies.js (`npm test`'s pretest, `npm start`'s first step): when does a
 * fresh or stale clone get `npm ci`? node_modules/.package-lock.json, which npm writes when an
 * install ends, against package-lock.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { installNeeded } = require('../../scripts/ensure-dependencies.js') as { installNeeded(root: string): string | undefined };

const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function project(files: Record<string, Date>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-deps-'));
	roots.push(root);
	for (const [file, time] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		fs.writeFileSync(path.join(root, file), '{}');
		fs.utimesSync(path.join(root, file), time, time);
	}
	return root;
}

const earlier = new Date('2026-12-01T10:00:00Z');
const later = new Date('2026-12-01T10:05:00Z');

describe('installNeeded', () => {
	it('says "missing" on a fresh clone (no node_modules)', () => {
		expect(installNeeded(project({ 'package-lock.json': later }))).toBe('missing');
	});

	it('says "missing" when node_modules exists without npm\'s record of a finished install', () => {
		expect(installNeeded(project({ 'package-lock.json': earlier, 'node_modules/jest/package.json': later }))).toBe('missing');
	});

	it('says "stale" when package-lock.json changed after the install (a pull or merge)', () => {
		expect(installNeeded(project({ 'package-lock.json': later, 'node_modules/.package-lock.json': earlier }))).toBe('stale');
	});

	it('needs nothing when the install is newer than the lock', () => {
		expect(installNeeded(project({ 'package-lock.json': earlier, 'node_modules/.package-lock.json': later }))).toBeUndefined();
	});
});
