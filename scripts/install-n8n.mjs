#!/usr/bin/env node
// `npm run n8n:install -- [version…]`: installs n8n versions into the shared cache (default: every
// version of the compatibility matrix, see scripts/lib/n8n-install.mjs), one after the other.
// Prints each step with its time; versions already installed cost nothing.
import { N8N_MATRIX, cacheDir, ensureN8n } from './lib/n8n/n8n-install.mjs';
import { fmt, info } from './lib/common/progress.mjs';

const versions = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const wanted = versions.length ? versions : N8N_MATRIX.map((entry) => entry.version);
info(`n8n install cache: ${cacheDir()}`);
for (const version of wanted) {
	const start = Date.now();
	try {
		const paths = await ensureN8n({ version });
		info(`n8n ${version} on Node ${paths.nodeMajor}: ready after ${fmt(Date.now() - start)}`);
	} catch (error) {
		info(`n8n ${version}: ${error.message}${error.details ? `\n${error.details}` : ''}`);
		process.exitCode = 1;
	}
}
