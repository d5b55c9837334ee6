#!/usr/bin/env node
'use strict';
/*
 * Rewrites the parameters of this package's nodes in workflow files the way n8n's editor saves
 * them, for the node types of a given build. This is how e2e/workflows/saved-0.2.0/*.json were
 * made: written by hand with what a user sets, then run through this against the 0.2.0 build.
 * The suite never runs it; those files stay as 0.2.0 saved them.
 *
 *   node e2e/save-like-editor.js <package folder with package.json and dist/> <workflow.json>...
 *   (runs itself on the cache's Node 24 and loads n8n-core/n8n-workflow of the pinned n8n)
 *
 * What the editor does (n8n 2.40.7, editor-ui `workflows.store`, getNodeDataToSave): it keeps a
 * node's parameters with every displayed default filled in (NodeHelpers.getNodeParameters(...,
 * returnDefaults = true) when the node is added and at every change) and saves
 * NodeHelpers.getNodeParameters(nodeType.properties, node.parameters, false, false, node,
 * nodeType): only values that differ from their defaults, collections as `{}` at least, so a
 * default Resource or Operation is not saved at all. `nodeType.properties` is the description
 * as n8n's loader serves it: for a node without `execute` (declarative, customOperations
 * included) DirectoryLoader.applySpecialNodeParameters appends the `requestOptions` collection,
 * hence `"requestOptions": {}` in what 0.2.0 saved.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { paths, dirFor, N8N_VERSION } = require('./n8n-install');

const { nodeBin, n8nModules: MODULES } = paths(dirFor(N8N_VERSION));

/** Re-runs this script on the cache's Node 24 (n8n 2 needs it), the built node finding n8n-workflow. */
function onNode24() {
	if (process.execPath === nodeBin) return false;
	const result = spawnSync(nodeBin, [__filename, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, NODE_PATH: MODULES } });
	process.exit(result.status ?? 1);
}

async function loadNodeTypes(packageDir) {
	const { PackageDirectoryLoader } = require(path.join(MODULES, 'n8n-core'));
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const types = new Map();
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
		types.set(`${loader.packageName}.${name}`, type.description ?? type.nodeVersions?.[type.currentVersion]?.description);
	}
	return types;
}

function savedParameters(description, node) {
	const { NodeHelpers } = require(path.join(MODULES, 'n8n-workflow'));
	const inEditor = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description);
	return NodeHelpers.getNodeParameters(description.properties, inEditor, false, false, node, description) ?? {};
}

async function main() {
	if (onNode24()) return;
	const [packageDir, ...files] = process.argv.slice(2);
	if (!packageDir || !files.length) throw new Error('usage: save-like-editor.js <package folder> <workflow.json>...');
	const types = await loadNodeTypes(path.resolve(packageDir));
	for (const file of files) {
		const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
		for (const node of workflow.nodes) {
			const description = types.get(node.type);
			if (description) node.parameters = savedParameters(description, node);
		}
		fs.writeFileSync(file, `${JSON.stringify(workflow, null, 2)}\n`);
		console.log(`${file}: ${workflow.nodes.filter((node) => types.has(node.type)).length} node(s) saved as the editor saves them`);
	}
}

main().catch((error) => {
	console.error(error?.stack ?? error);
	process.exit(1);
});
