'use strict';
/*
 * The package as a user gets it: `npm pack` of the built package, then installed into an n8n
 * user folder the way the README says (n8n's manual install of a community package):
 *
 *   cd ~/.n8n/nodes          # <N8N_USER_FOLDER>/.n8n/nodes
 *   npm install <package>    # here the packed tarball instead of the registry name
 *
 * n8n loads every package listed in ~/.n8n/nodes/package.json at start.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnCollect } = require('./n8n-cli');

const REQUIRED_DIST_FILES = ['dist/nodes/OpenAiVideos/OpenAiVideos.node.js', 'dist/credentials/OpenAiVideosApi.credentials.js'];

/** Throws a clear error when the package has not been built. */
function assertBuilt(root) {
	const missing = REQUIRED_DIST_FILES.filter((file) => !fs.existsSync(path.join(root, file)));
	if (missing.length) {
		throw new Error(
			`The package is not built: ${missing.join(', ')} missing.\n` +
				'Run `npm run build` (on Node 24: `npx -y -p node@24 npm run build`) and then `npm run test:e2e` again.',
		);
	}
}

async function npm(args, { cwd, env = process.env, timeoutMs = 300_000 }) {
	const result = await spawnCollect('npm', args, { cwd, env, timeoutMs });
	if (result.code !== 0) {
		throw new Error(`npm ${args.join(' ')} (in ${cwd}) failed with exit ${result.code}:\n${result.stderr || result.stdout}`.slice(0, 4000));
	}
	return result;
}

/** `npm pack` into `destination`; returns { tarball, name, version, files: [paths in the tarball] }. */
async function packPackage(root, destination) {
	fs.mkdirSync(destination, { recursive: true });
	const { stdout } = await npm(['pack', '--json', '--pack-destination', destination], { cwd: root });
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return {
		tarball: path.join(destination, info.filename),
		name: info.name,
		version: info.version,
		files: info.files.map((file) => file.path).sort(),
	};
}

/**
 * Installs the tarball into <home>/.n8n/nodes with npm, as the README tells users. npm runs on
 * the machine's own Node; the package has no runtime dependencies, only the n8n-workflow peer,
 * which n8n itself provides (--legacy-peer-deps: npm must not fetch a second copy of it).
 */
async function installIntoUserFolder({ tarball, name }, home) {
	const nodesDir = path.join(home, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
	}
	const args = ['install', '--no-audit', '--no-fund', ...INSTALL_FLAGS, tarball];
	await npm(args, { cwd: nodesDir });
	return { nodesDir, packageDir: path.join(nodesDir, 'node_modules', name), command: `npm ${args.join(' ')}` };
}

/** Files that package.json#n8n lists (nodes and credentials) but the package does not contain. */
function missingListedFiles(packageDir) {
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	return { listed, missing: listed.filter((file) => !fs.existsSync(path.join(packageDir, file))) };
}

const INSTALL_FLAGS = ['--legacy-peer-deps'];

module.exports = {
	assertBuilt,
	packPackage,
	installIntoUserFolder,
	missingListedFiles,
	INSTALL_FLAGS,
	REQUIRED_DIST_FILES,
};
