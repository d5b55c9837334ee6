'use strict';
/*
 * The package as published and installed: what `npm pack` holds, and what the install into
 * <user folder>/.n8n/nodes brought along.
 */
const fs = require('node:fs');
const path = require('node:path');

const ALLOWED_TOP_LEVEL = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];

module.exports = {
	title: 'package',
	async run({ pack, installed, root }, t) {
		const outside = pack.files.filter((file) => !file.startsWith('dist/') && !ALLOWED_TOP_LEVEL.includes(file));
		t.equal(outside, [], 'npm pack holds dist/, package.json, README, LICENSE (and CHANGELOG) only');
		t.ok(pack.files.includes('LICENSE'), 'the tarball has the LICENSE');
		t.ok(pack.files.includes('README.md'), 'the tarball has the README');
		t.equal(pack.files.filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file)), [], 'no TypeScript sources are packed');
		t.ok(pack.files.some((file) => /^dist\/nodes\/OpenAiVideos\/.*\.svg$/.test(file)), 'the node\'s icons are packed next to the compiled node');

		const manifest = JSON.parse(fs.readFileSync(path.join(installed.packageDir, 'package.json'), 'utf8'));
		t.equal(Object.keys(manifest.dependencies ?? {}), [], 'the package has no runtime dependencies');
		const besides = fs.readdirSync(path.join(installed.nodesDir, 'node_modules')).filter((entry) => !entry.startsWith('.'));
		t.equal(besides, [pack.name], 'installing it into .n8n/nodes adds nothing else (no second n8n-workflow)');

		// Icons: every `file:` icon a compiled node or credential names must sit next to it.
		const compiled = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])].filter((file) =>
			fs.existsSync(path.join(installed.packageDir, file)),
		);
		const missingIcons = compiled.flatMap((file) => {
			const source = fs.readFileSync(path.join(installed.packageDir, file), 'utf8');
			const icons = [...source.matchAll(/['"]file:([^'"]+)['"]/g)].map((match) => match[1]);
			return icons
				.filter((icon) => !fs.existsSync(path.join(installed.packageDir, path.dirname(file), icon)))
				.map((icon) => `${path.dirname(file)}/${icon}`);
		});
		t.equal(missingIcons, [], 'every icon a node or credential names is packed next to it');

		// n8n 2.40's nodes panel drops a node of the "AI" category from its search unless the
		// codex's AI subcategories include "Root Nodes" (as n8n's own OpenAI node does).
		const codexes = compiled
			.map((file) => path.join(installed.packageDir, file.replace(/\.js$/, '.json')))
			.filter((file) => file.endsWith('.node.json') && fs.existsSync(file))
			.map((file) => ({ file: path.basename(file), codex: JSON.parse(fs.readFileSync(file, 'utf8')) }));
		t.ok(codexes.length > 0, 'the nodes have codex files', compiled.join(', '));
		const hidden = codexes
			.filter(({ codex }) => codex.categories?.includes('AI') && !codex.subcategories?.AI?.includes('Root Nodes'))
			.map(({ file }) => file);
		t.equal(hidden, [], 'the editor\'s nodes panel can find every node (category AI needs AI subcategory "Root Nodes")');

		const readme = t;
		const text = fs.existsSync(path.join(root, 'README.md')) ? fs.readFileSync(path.join(root, 'README.md'), 'utf8') : '';
		readme.match(text, /\.n8n\/nodes/, 'the README\'s manual install goes to ~/.n8n/nodes, as the suite installs it');
		readme.match(text, /npm (?:install|i) [^\n]*--legacy-peer-deps[^\n]*n8n-nodes-openai-videos|npm (?:install|i) [^\n]*n8n-nodes-openai-videos[^\n]*--legacy-peer-deps/, 'the README installs with npm --legacy-peer-deps, as the suite does');
	},
};
