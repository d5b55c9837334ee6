/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testTimeout: 30000,
	// The suites mostly wait on loopback servers and short real timeouts, not on the CPU: Jest's
	// default (cores - 1, a single worker on 2 cores) ran them one after another (171 s; 4: 51 s).
	maxWorkers: 4,
	setupFilesAfterEnv: ['<rootDir>/test/harness/spec-violations.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
