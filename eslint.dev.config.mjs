// Lint for the TypeScript that never ships (test/, benchmarks/): TypeScript's recommended rules,
// without n8n's community-node rules, which forbid what tests and benchmarks must do (node:http,
// process, timers, console, n8n-core).
//
// `npm run lint` runs two passes:
//   1. `n8n-node lint`: n8n's CLI, strict mode, with eslint.config.mjs exactly as the CLI ships it
//      (n8n's reviewers run `npx n8n-node lint` the same way, no flags). That config lints every
//      `**/*.ts` with n8n's rules for node code. A file outside nodes/ and credentials/ that breaks
//      them starts with `/* eslint-disable -- code that never ships ... */`, so this pass skips it;
//   2. `eslint --no-inline-config -c eslint.dev.config.mjs test benchmarks`: this file, with inline
//      comments ignored (that header included), so every test and benchmark file is checked here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config({
	files: ['**/*.ts'],
	extends: [js.configs.recommended, tseslint.configs.recommended],
	rules: {
		// `_name` marks a parameter a callback signature needs but the body does not (as tsconfig allows).
		'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		// The fake API and the scripts shared with plain-Node tools are CommonJS (.cjs, .js) files.
		'@typescript-eslint/no-require-imports': ['error', { allow: ['\\.c?js$'] }],
	},
});
