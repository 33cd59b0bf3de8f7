// Lints shipped code (nodes/, credentials/, package.json) with the same rules as n8n's
// community-package scanner: @n8n/eslint-plugin-community-nodes (recommended) and
// eslint-plugin-n8n-nodes-base (community, credentials and nodes rule sets). The scanner bundles an older
// @n8n/eslint-plugin-community-nodes; its rule set is swapped for the newest one (the version @n8n/node-cli's
// `n8n-node lint` uses, a devDependency here), so `npm run lint` applies the rules n8n's own tool applies.
// Dev-side TypeScript (sandbox/, test/, test-e2e/, test-faults/, bench/) is not shipped: it gets ESLint's and
// typescript-eslint's recommended rules below, and tsc (tsconfig.json; test-e2e/ through tsconfig.e2e.json). The scripts (scripts/**/*.mjs) get ESLint's recommended rules here and tsc's JSDoc checks through
// tsconfig.scripts.json (`npm run typecheck`). packaging/ only links to these sources (for n8n's scanner, see
// scripts/pack-all.mjs), so it is not linted twice.
import js from '@eslint/js';
import tsPlugin from '@typescript-eslint/eslint-plugin';
import tsParser from '@typescript-eslint/parser';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import globals from 'globals';
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

/** Dev-side TypeScript: linted here, never shipped. */
const DEV_TS = [
	'sandbox/**/*.ts',
	'test/**/*.ts',
	'test-e2e/**/*.ts',
	'test-faults/**/*.ts',
	'bench/**/*.ts',
];

const newestCommunityRules = (config) =>
	config.plugins?.['@n8n/community-nodes'] ? n8nCommunityNodesPlugin.configs.recommended : config;

const shippedOnly = (config) =>
	Object.keys(config).some((key) => key !== 'ignores')
		? { ...config, ignores: [...(config.ignores ?? []), 'scripts/**', ...DEV_TS] }
		: config;

export default [
	{
		ignores: [
			'dist/**',
			'build/**',
			'packaging/**',
			'node_modules/**',
			'examples/**',
			'docs/**',
			'**/*.js',
			'**/*.cjs',
			'tsconfig*.json',
			'package-lock.json',
			'.ci/**',
		],
	},
	// The scanner's rules are for shipped code only: each of its blocks leaves the scripts out.
	...(await buildScanConfig()).map(newestCommunityRules).map(shippedOnly),
	{
		files: ['scripts/**/*.mjs'],
		...js.configs.recommended,
		languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
	},
	{
		files: DEV_TS,
		plugins: { '@typescript-eslint': tsPlugin },
		languageOptions: {
			parser: tsParser,
			ecmaVersion: 2023,
			sourceType: 'module',
			globals: { ...globals.node, ...globals.jest },
		},
		rules: {
			...js.configs.recommended.rules,
			...tsPlugin.configs['eslint-recommended'].overrides[0].rules,
			...tsPlugin.configs.recommended.rules,
			// tsc checks names and unused locals; rest siblings and `_` names leave a field out on purpose.
			'no-undef': 'off',
			'no-redeclare': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			// Tests and benchmarks load dist/ and package.json at run time.
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
	// Config files at the top level are not scripts of the project.
	{ ignores: ['*.mjs'] },
];
