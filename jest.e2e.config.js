/**
 * End-to-end suite: the example workflows in a real n8n (installed once into a cache outside the repo)
 * against the provider sandbox. `npm run test:e2e`. Slow by nature: the first run installs n8n.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	rootDir: __dirname,
	testMatch: ['<rootDir>/test-e2e/**/*.e2e.test.ts'],
	extensionsToTreatAsEsm: ['.ts'],
	transform: {
		'^.+\\.ts$': [
			'ts-jest',
			{
				useESM: true,
				tsconfig: {
					target: 'es2022',
					module: 'es2022',
					moduleResolution: 'node',
					esModuleInterop: true,
					isolatedModules: true,
					allowJs: true,
					strict: true,
					types: ['node', 'jest'],
				},
			},
		],
	},
	// One suite at a time: each runs its own n8n processes on a 2-core machine.
	maxWorkers: 1,
	// The first run installs n8n (several minutes) inside beforeAll.
	testTimeout: 25 * 60_000,
	slowTestThreshold: 120,
	reporters: ['default', ['<rootDir>/test/summary-reporter.js', {}]],
};
