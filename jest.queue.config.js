/**
 * Queue-mode suite: the package in a real n8n in queue mode (Postgres, Redis, main + 2 workers) against the
 * provider sandbox. `npm run test:queue`. Installs Postgres and Redis with apt-get when missing (as root).
 * @type {import('jest').Config}
 */
const e2e = require('./jest.e2e.config.js');

module.exports = {
	...e2e,
	testMatch: ['<rootDir>/test-e2e/queue/**/*.queue.test.ts'],
	testTimeout: 30 * 60_000,
	slowTestThreshold: 300,
};
