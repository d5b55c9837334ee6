import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';

// n8n's community-node rules, scoped to the code n8n loads (nodes, credentials) and package.json.
export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'benchmarks/**', 'e2e/**'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json' } },
	},
	n8nCommunityNodesPlugin.configs.recommended,
];
