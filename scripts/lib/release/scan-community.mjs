// n8n's official community-package scanner (@n8n/scan-community-package) as reusable legs.
// A leg passes only with zero findings: the scanner's own verdict (errors) and every warning too.
// The source leg uses the scanner's SOURCE_FILE_PATTERNS (package.json + nodes/ + credentials/ next to
// it), the tarball leg the compiled `.js` and the published package.json, as `analyzePackageByName`
// does when n8n verifies a published package.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	analyzePackage,
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

export { SOURCE_FILE_PATTERNS };
export const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

async function findings(dir, patterns) {
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const results = await eslint.lintFiles(files);
	const count = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
	const text = count ? await (await eslint.loadFormatter('stylish')).format(results) : '';
	return { files: files.length, count, text };
}

/**
 * Scans one folder and prints `scan <name>: passed|FAILED, N findings in M files`.
 * Resolves `{ ok, count, files }`.
 */
export async function scanLeg(name, dir, patterns) {
	const verdict = await analyzePackage(dir, patterns);
	const all = await findings(dir, patterns);
	const ok = verdict.passed && all.count === 0;
	console.log(
		`scan ${name}: ${ok ? 'passed' : 'FAILED'}, ${all.count} findings in ${all.files} files`,
	);
	if (!ok) console.log(verdict.details ?? verdict.message ?? '', all.text);
	return { ok, count: all.count, files: all.files };
}

/** Unpacks a tarball into a temp folder, runs the tarball leg on it, removes the folder. */
export async function scanTarball(name, tarball) {
	const work = mkdtempSync(join(tmpdir(), 'esim-scan-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', work]);
		return await scanLeg(name, join(work, 'package'), TARBALL_PATTERNS);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
