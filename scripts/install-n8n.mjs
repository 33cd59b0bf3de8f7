#!/usr/bin/env node
// `npm run n8n:install -- [--newest] [version…]`: installs n8n versions into the shared cache
// (default: every version of the compatibility matrix, see scripts/lib/n8n/n8n-install.mjs), one
// after the other, printing each step with its time; versions already installed cost nothing.
// It then names the registry's newest n8n and whether it can be installed here; `--newest` also
// installs it. A release the registry cannot install (some of n8n's own parts unpublished) is a row
// of the closing table, not a failure.
import { parseArgs } from 'node:util';
import { N8N_MATRIX, UnavailableN8n, cacheDir, ensureN8n } from './lib/n8n/n8n-install.mjs';
import { missingParts, newestN8n } from './lib/n8n/registry-check.mjs';
import { fmt, info } from './lib/common/progress.mjs';
import { inheritedEnv } from './lib/common/processes.mjs';

const { values: args, positionals } = parseArgs({
	allowPositionals: true,
	options: { newest: { type: 'boolean', default: false } },
});
const matrix = N8N_MATRIX.map((entry) => entry.version);
const wanted = positionals.length ? positionals : [...matrix];
const rows = [];

info(`n8n install cache: ${cacheDir()}`);
const newest = await newestN8n(inheritedEnv()).catch(() => undefined);
if (args.newest && newest && !wanted.includes(newest)) wanted.push(newest);

for (const version of wanted) {
	const start = Date.now();
	try {
		const paths = await ensureN8n({ version });
		info(`n8n ${version} on Node ${paths.nodeMajor}: ready after ${fmt(Date.now() - start)}`);
		rows.push([version, `installed (Node ${paths.nodeMajor})`]);
	} catch (error) {
		info(`n8n ${version}: ${error.message}${error.details ? `\n${error.details}` : ''}`);
		if (error instanceof UnavailableN8n && !matrix.includes(version))
			rows.push([
				version,
				`not installable here: the registry lacks ${error.missing.length} of its parts`,
			]);
		else {
			rows.push([version, 'FAILED']);
			process.exitCode = 1;
		}
	}
}

if (newest === undefined) rows.push(['newest', 'unknown: the registry did not answer']);
else if (!wanted.includes(newest)) {
	const missing = await missingParts(newest, inheritedEnv()).catch(() => undefined);
	rows.push([
		`${newest} (newest)`,
		missing === undefined
			? 'unknown: the registry did not answer'
			: missing.length
				? `not installable here: the registry lacks ${missing.join(', ')}`
				: 'installable: npm run n8n:install -- --newest',
	]);
}
info('');
info('n8n | status');
for (const [version, status] of rows) info(`${version} | ${status}`);
