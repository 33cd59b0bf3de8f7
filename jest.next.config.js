/**
 * The in-process jest suite (jest.config.js) with n8n-core and n8n-workflow taken from another n8n
 * install in the cache instead of this repository's devDependencies, so an API change in a newer
 * n8n shows up here first. Run through `npm run test:jest:n8n-next`, which installs or reuses that
 * n8n and passes its node_modules folder in N8N_ESIM_N8N_MODULES.
 * @type {import('jest').Config}
 */
const { join } = require('node:path');
const base = require('./jest.config.js');

const modules = process.env.N8N_ESIM_N8N_MODULES;
if (!modules) throw new Error('N8N_ESIM_N8N_MODULES is not set: run `npm run test:jest:n8n-next`');

module.exports = {
	...base,
	moduleNameMapper: {
		'^n8n-core$': join(modules, 'n8n-core'),
		'^n8n-workflow$': join(modules, 'n8n-workflow'),
	},
};
