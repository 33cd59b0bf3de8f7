/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': 'ts-jest' },
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	testTimeout: 60000,
	reporters: ['default', ['<rootDir>/test/summary-reporter.js', {}]],
};
