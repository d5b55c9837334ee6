import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';

// n8n's community-node rules, on the code n8n loads (nodes, credentials) and on package.json.
export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'benchmarks/**', 'e2e/**', 'examples/**', 'docs/**'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json' } },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser },
	},
	n8nCommunityNodesPlugin.configs.recommended,
];
