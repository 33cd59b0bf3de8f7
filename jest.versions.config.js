/**
 * Version smoke suite: the examples on each n8n version of the compatibility matrix other than the
 * pinned one (test-e2e/versions/). `npm run test:versions`; `.ci/run` runs it.
 * @type {import('jest').Config}
 */
const e2e = require('./jest.e2e.config.js');

module.exports = { ...e2e, testMatch: ['<rootDir>/test-e2e/versions/**/*.smoke.test.ts'] };
