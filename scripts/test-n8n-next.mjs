#!/usr/bin/env node
// `npm run test:jest:n8n-next [-- <n8n version>] [-- <jest args>]`: the in-process jest suite against the
// n8n-core and n8n-workflow of a newer n8n (default: the newest 2.x of the compatibility matrix). It
// reuses that n8n's install in the cache (installing it once if missing): no separate install.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { N8N_MATRIX, ensureN8n } from './lib/n8n/n8n-install.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const newest = N8N_MATRIX.filter((e) => e.version.startsWith('2.'))
	.map((e) => e.version)
	.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
	.pop();
const version = args[0] && /^\d+\.\d+\.\d+$/.test(args[0]) ? args.shift() : newest;
const paths = await ensureN8n({ version });
const versionOf = (name) =>
	JSON.parse(readFileSync(join(paths.n8nModules, name, 'package.json'), 'utf8')).version;
console.log(
	`in-process suite against n8n ${version}: n8n-core ${versionOf('n8n-core')}, n8n-workflow ${versionOf('n8n-workflow')} (${paths.n8nModules})`,
);
// n8n-core 1.x leaves timers running after the suite; jest would wait for them forever.
const exitFlags = paths.major < 2 ? ['--forceExit'] : [];
const result = spawnSync(
	process.execPath,
	[
		join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
		'-c',
		'jest.next.config.js',
		...exitFlags,
		...args,
	],
	{
		cwd: root,
		stdio: 'inherit',
		env: {
			...process.env,
			N8N_ESIM_N8N_MODULES: paths.n8nModules,
			NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules']
				.filter(Boolean)
				.join(' '),
		},
	},
);
process.exit(result.status ?? 1);
