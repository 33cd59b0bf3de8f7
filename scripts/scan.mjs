// Runs n8n's official community-package scanner (@n8n/scan-community-package, analyzePackage)
// on the source tree and on the packed tarball, the two legs n8n's verification runs, and fails
// on any finding: errors (the scanner's own verdict) and warnings alike.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	analyzePackage,
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(process.argv[2] ?? '.');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

async function findings(dir, patterns) {
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const eslint = new ESLint({ cwd: dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await buildScanConfig() });
	const results = await eslint.lintFiles(files);
	const count = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
	const text = count ? await (await eslint.loadFormatter('stylish')).format(results) : '';
	return { files: files.length, count, text };
}

async function leg(name, dir, patterns) {
	const verdict = await analyzePackage(dir, patterns);
	const all = await findings(dir, patterns);
	const ok = verdict.passed && all.count === 0;
	console.log(`scan ${name}: ${ok ? 'passed' : 'FAILED'}, ${all.count} findings in ${all.files} files`);
	if (!ok) console.log(verdict.details ?? verdict.message ?? '', all.text);
	return ok;
}

const work = mkdtempSync(join(tmpdir(), 'esim-scan-'));
try {
	const okSource = await leg('source', root, SOURCE_FILE_PATTERNS);
	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	const tarball = join(work, packed);
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', tarball, '-C', work]);
	const fileCount = glob.sync('**/*', { cwd: unpacked }).length;
	console.log(`packed ${packed}: ${(statSync(tarball).size / 1024).toFixed(1)} kB, ${fileCount} files`);
	const okTarball = await leg('tarball', unpacked, TARBALL_PATTERNS);
	if (!okSource || !okTarball) process.exitCode = 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
