/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * The README's option tables are what the node descriptions say, to the character: every field and
 * Options entry per operation and of the trigger, with internal name, default, bounds and when it
 * shows. To change them, change the node and paste what this test prints (or run it with
 * UPDATE_README=1, which writes the block into README.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { BLOCK_END, BLOCK_START, nodeDescription, renderOptionTables, rowsFor } from './options-table';

const README = join(__dirname, '..', '..', 'README.md');

function blockIn(text: string): string | undefined {
	const start = text.indexOf(BLOCK_START);
	const end = text.indexOf(BLOCK_END, start);
	return start < 0 || end < 0 ? undefined : text.slice(start, end + BLOCK_END.length);
}

test("the README's option tables are the ones the node descriptions render", () => {
	const expected = renderOptionTables();
	const readme = readFileSync(README, 'utf8');
	const actual = blockIn(readme);
	if (process.env.UPDATE_README === '1' && actual !== undefined && actual !== expected) {
		writeFileSync(README, readme.replace(actual, () => expected));
		return;
	}
	if (actual !== expected) {
		throw new Error(
			`README.md's option tables differ from the node descriptions. They should read:\n\n${expected}\n\n` +
				`README.md has:\n\n${actual ?? '(no block between the markers)'}\n`,
		);
	}
});

describe('the rendering itself', () => {
	const number: INodeProperties = {
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 10,
	};
	const collection: INodeProperties = {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		default: {},
		displayOptions: { show: { resource: ['video'], operation: ['create', 'remix'] } },
		options: [
			number,
			{ displayName: 'Send as Multipart', name: 'sendAsMultipart', type: 'boolean', default: false, displayOptions: { show: { '/operation': ['create'] } } },
		],
	};

	test('an Options entry is a row with its path, default and bounds; /operation limits it', () => {
		expect(rowsFor([collection], 'video', 'create')).toEqual([
			'| Options → Poll Interval (Seconds) | `options.pollInterval` | `10` | 1–3,600 |  |',
			'| Options → Send as Multipart | `options.sendAsMultipart` | `false` |  |  |',
		]);
		expect(rowsFor([collection], 'video', 'remix')).toHaveLength(1);
		expect(rowsFor([collection], 'video', 'get')).toEqual([]);
	});

	test('a changed bound or default changes the row', () => {
		const changed = { ...collection, options: [{ ...number, default: 5, typeOptions: { minValue: 1, maxValue: 60 } }] };
		expect(rowsFor([changed], 'video', 'create')).toEqual(['| Options → Poll Interval (Seconds) | `options.pollInterval` | `5` | 1–60 |  |']);
	});

	test('every operation of the node has its table, every field of the node is in one', () => {
		const tables = renderOptionTables();
		for (const property of nodeDescription().properties) {
			if (['resource', 'operation', 'toolDescription'].includes(property.name) || ['notice', 'hidden'].includes(property.type)) continue;
			const names = property.type === 'collection' ? (property.options as INodeProperties[]).map((option) => `options.${option.name}`) : [property.name];
			for (const name of names) expect(tables).toContain(`\`${name}\``);
		}
		expect(tables.match(/<summary>/g)).toHaveLength(10 + 2);
	});
});
