// Lints shipped code (nodes/, credentials/, package.json) with the same rules as n8n's
// community-package scanner: @n8n/eslint-plugin-community-nodes (recommended) and
// eslint-plugin-n8n-nodes-base (community, credentials and nodes rule sets). The scanner bundles an older
// @n8n/eslint-plugin-community-nodes; its rule set is swapped for the newest one (the version @n8n/node-cli's
// `n8n-node lint` uses, a devDependency here), so `npm run lint` applies the rules n8n's own tool applies.
// Dev-side code (sandbox/, test/, test-e2e/, test-faults/, scripts/, bench/) is not shipped; tsc and ts-jest check it. packaging/ only links
// to these sources (for n8n's scanner, see scripts/pack-all.mjs), so it is not linted twice.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

const newestCommunityRules = (config) => (config.plugins?.['@n8n/community-nodes'] ? n8nCommunityNodesPlugin.configs.recommended : config);

export default [
	{ ignores: ['dist/**', 'build/**', 'packaging/**', 'node_modules/**', 'sandbox/**', 'test/**', 'test-e2e/**', 'test-faults/**', 'scripts/**', 'bench/**', 'examples/**', 'docs/**', '**/*.js', '**/*.mjs', 'tsconfig*.json', 'package-lock.json', '.ci/**'] },
	...(await buildScanConfig()).map(newestCommunityRules),
];
