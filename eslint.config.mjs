// Lints shipped code (nodes/, credentials/, package.json) with the same rules as n8n's
// community-package scanner: @n8n/eslint-plugin-community-nodes (recommended) and
// eslint-plugin-n8n-nodes-base (community, credentials and nodes rule sets).
// Dev-side code (sandbox/, test/, test-e2e/, test-faults/, scripts/, bench/) is not shipped; tsc and ts-jest check it. packaging/ only links
// to these sources (for n8n's scanner, see scripts/pack-all.mjs), so it is not linted twice.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

export default [
	{ ignores: ['dist/**', 'build/**', 'packaging/**', 'node_modules/**', 'sandbox/**', 'test/**', 'test-e2e/**', 'test-faults/**', 'scripts/**', 'bench/**', 'examples/**', 'docs/**', '**/*.js', '**/*.mjs', 'tsconfig*.json', 'package-lock.json', '.ci/**'] },
	...(await buildScanConfig()),
];
