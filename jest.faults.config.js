// The money-safety fault suite (`npm run test:faults`): the same setup and summary reporter as jest.config.js.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testMatch: ['<rootDir>/test-faults/**/*.test.ts'],
	testTimeout: 180000,
};
