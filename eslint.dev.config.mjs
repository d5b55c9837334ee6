// Lint for the code that never ships (test/, benchmarks/): TypeScript's recommended rules, without
// n8n's community-node rules, which forbid what tests and benchmarks must do (node:http, process,
// timers, console). test/eslint.config.mjs and benchmarks/eslint.config.mjs re-export this file;
// ESLint uses them for their folders because `npm run lint` sets
// ESLINT_FLAGS=unstable_config_lookup_from_file. The package itself (nodes/, credentials/,
// package.json) gets n8n's default config, eslint.config.mjs, which `n8n-node lint` requires as is.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config({
	files: ['**/*.ts'],
	extends: [js.configs.recommended, tseslint.configs.recommended],
	rules: {
		// `_name` marks a parameter a callback signature needs but the body does not (as tsconfig allows).
		'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
	},
});
