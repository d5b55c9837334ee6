/** The README's Layout section names every source file of the package, and names none that is gone. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 3));
const tree = section.slice(section.indexOf('```text'), section.indexOf('```', section.indexOf('```text') + 7));

function sourceFiles(folder: string): string[] {
	return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.posix.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(relative);
		return entry.name.endsWith('.ts') ? [relative] : [];
	});
}

const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')];

test.each(files)('%s is in the Layout section', (file) => {
	const operation = /actions\/(\w+)\/(\w+)\.operation\.ts$/.exec(file);
	if (operation) {
		const line = tree.split('\n').find((entry) => entry.includes(`actions/${operation[1]}/<operation>.operation.ts`));
		expect(line?.split(/[\s,]+/)).toContain(operation[2]);
		return;
	}
	expect(tree).toContain(path.posix.basename(file));
});

test('every file the Layout section names exists', () => {
	const named = [...tree.matchAll(/[\w.-]+\.ts\b/g)].map(([name]) => name).filter((name) => !name.startsWith('.'));
	const basenames = new Set(files.map((file) => path.posix.basename(file)));
	expect(named.filter((name) => !basenames.has(name))).toEqual([]);
});
