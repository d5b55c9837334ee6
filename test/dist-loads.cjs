// Loads every compiled node and credential with the running Node.js (CI runs it on Node 20).
const path = require('node:path');
const pkg = require('../package.json');

const root = path.resolve(__dirname, '..');
for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	const exported = require(path.join(root, file));
	// As n8n does: the class is named like the file (OpenAiVideos.node.js exports OpenAiVideos).
	const name = path.basename(file).split('.')[0];
	if (typeof exported[name] !== 'function') throw new Error(`${file} does not export the class ${name}`);
	const instance = new exported[name]();
	if (!instance.description && !instance.properties) throw new Error(`${file} does not export a node or credential`);
	console.log(`loaded ${file} on Node ${process.versions.node}`);
}
