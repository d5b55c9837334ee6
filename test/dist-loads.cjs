// Loads every compiled node and credential with the running Node.js (CI runs it on Node 20).
const path = require('node:path');
const pkg = require('../package.json');

const root = path.resolve(__dirname, '..');
for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	const exported = require(path.join(root, file));
	const [name] = Object.keys(exported);
	const instance = new exported[name]();
	if (!instance.description && !instance.properties) throw new Error(`${file} does not export a node or credential`);
	console.log(`loaded ${file} on Node ${process.versions.node}`);
}
