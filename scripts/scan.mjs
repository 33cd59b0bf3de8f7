// Runs n8n's official community-package scanner (@n8n/scan-community-package, analyzePackage)
// on the source tree and on the packed tarball, the two legs n8n's verification runs, and fails
// on any finding: errors (the scanner's own verdict) and warnings alike.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import glob from 'fast-glob';
import { scanLeg, SOURCE_FILE_PATTERNS, TARBALL_PATTERNS } from './lib/release/scan-community.mjs';

const root = resolve(process.argv[2] ?? '.');

const work = mkdtempSync(join(tmpdir(), 'esim-scan-'));
try {
	const source = await scanLeg('source', root, SOURCE_FILE_PATTERNS);
	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	const tarball = join(work, packed);
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', tarball, '-C', work]);
	const fileCount = glob.sync('**/*', { cwd: unpacked }).length;
	console.log(
		`packed ${packed}: ${(statSync(tarball).size / 1024).toFixed(1)} kB, ${fileCount} files`,
	);
	const packedLeg = await scanLeg('tarball', unpacked, TARBALL_PATTERNS);
	if (!source.ok || !packedLeg.ok) process.exitCode = 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
