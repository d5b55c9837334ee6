/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Every figure the README quotes comes from a committed file it names (benchmarks/results/…):
 * see figures.ts for what counts as a block and a figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, appearsIn, blocksOf, checkFigures, figuresOf, readCommitted, uncitedMeasurements } from './figures';

const readme = () => readFileSync(join(ROOT, 'README.md'), 'utf8');
const report = (findings: Array<{ line: number; problem: string }>) => findings.map(({ line, problem }) => `README.md:${line}: ${problem}`).join('\n');

test('every figure of a block that names a results file is in that file', () => {
	expect(report(checkFigures(readme(), readCommitted))).toBe('');
});

test('every block that says it was measured names a committed file', () => {
	expect(report(uncitedMeasurements(readme(), (file) => readCommitted(file) !== undefined))).toBe('');
});

test('the README quotes figures from committed results at all', () => {
	const cited = blocksOf(readme()).filter((block) => block.files.length && figuresOf(block.text).length);
	expect(cited.length).toBeGreaterThan(2);
});

describe('the check itself', () => {
	const files: Record<string, string> = { 'benchmarks/results/a.txt': '# (c) ours: 31.1 s / 72 requests, +79 MiB (77/81/79)\n' };
	const read = (file: string) => files[file];

	test('a figure missing from the named file is reported, one that is there is not', () => {
		const markdown = 'Intro.\n\n20 items take 31.1 s and 72 requests, RSS +79 MiB (`benchmarks/results/a.txt`).\n\nNext: 31.2 s (benchmarks/results/a.txt).\n';
		expect(checkFigures(markdown, read)).toEqual([{ line: 5, problem: '31.2 is in none of benchmarks/results/a.txt' }]);
	});

	test('a table takes the files of the paragraph before it; a missing file is reported', () => {
		const markdown = 'From benchmarks/results/a.txt:\n\n| figure | value |\n|---|---|\n| time | 31.1 s |\n| memory | +80 MiB |\n\nSee benchmarks/results/gone.txt: 1 s.\n';
		expect(checkFigures(markdown, read).map((finding) => finding.problem)).toEqual([
			'80 is in none of benchmarks/results/a.txt',
			'benchmarks/results/gone.txt is not a committed file',
			'1 is in none of benchmarks/results/gone.txt',
		]);
	});

	test('settings in code spans are not figures; a number is matched whole', () => {
		expect(figuresOf('`60 s` default, took 2.5 s and 1,024 MiB')).toEqual(['2.5', '1,024']);
		expect(figuresOf('with n8n 2.40.7, PostgreSQL 15.18 and Redis 7.0.15')).toEqual(['2.40.7', '15.18', '7.0.15']);
		expect(appearsIn('1.1', 'took 31.1 s')).toBe(false);
		expect(appearsIn('31.1', 'took 31.1 s')).toBe(true);
		expect(appearsIn('1,024', '1024 MiB')).toBe(true);
	});

	test('a measured claim without a committed file is reported', () => {
		const markdown = 'Measured: 3 s.\n\nMeasured in `test/readme/figures.test.ts`.\n';
		expect(uncitedMeasurements(markdown, (file) => file === 'test/readme/figures.test.ts').map((finding) => finding.line)).toEqual([1]);
	});
});
