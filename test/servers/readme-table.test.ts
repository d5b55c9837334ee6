/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * The README's server table ("Servers that carry the API on") is SERVER_TABLE of
 * fake-api/capabilities.cjs, to the character; capabilities.test.ts proves each claim in it
 * against the fake's profiles. To change the table, change capabilities.cjs and paste what this
 * test prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROFILE_NAMES, SERVER_TABLE, renderTable } from './capabilities';

const README = join(__dirname, '..', '..', 'README.md');

/** The Markdown table in `text` whose header is `header`: that line and the `|` lines after it. */
function tableIn(text: string, header: string): string | undefined {
	const lines = text.split('\n');
	const start = lines.indexOf(header);
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
	return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

test("the README's server table is the one capabilities.cjs renders", () => {
	const expected = renderTable();
	const actual = tableIn(readFileSync(README, 'utf8'), expected.split('\n')[0]);
	if (actual !== expected) {
		throw new Error(
			`README.md's server table differs from fake-api/capabilities.cjs. The table should read:\n\n${expected}\n\n` +
				`README.md has:\n\n${actual ?? '(no table with that header)'}\n`,
		);
	}
});

test('every server profile of the fake but the reference itself is in exactly one row', () => {
	const listed = SERVER_TABLE.flatMap((row) => row.profiles).sort();
	expect(listed).toEqual(PROFILE_NAMES.filter((name) => name !== 'openai').sort());
});
