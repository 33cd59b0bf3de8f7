// Builds this repository and packs it the way npm would publish it, for installing into n8n: either
// the combined package alone (`npm pack`) or every tarball of `npm run pack:all`.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnCleanup, run } from '../common/processes.mjs';
import { readRecord } from './split-pack.mjs';

/** `npm run build` in the repo. */
export async function buildPackage(repoDir) {
	await run('npm', ['run', 'build', '--silent'], { cwd: repoDir, timeoutMs: 10 * 60_000 });
	if (!existsSync(join(repoDir, 'dist'))) throw new Error('`npm run build` produced no dist/ folder');
}

/** `npm pack` into a temp folder (removed at exit); resolves the tarball's path. */
export async function packPackage(repoDir) {
	const dest = mkdtempSync(join(tmpdir(), 'n8n-esim-pack-'));
	removeOnCleanup(dest);
	const { stdout } = await run('npm', ['pack', '--pack-destination', dest, '--json', '--ignore-scripts', '--loglevel=error'], { cwd: repoDir });
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return { tarball: join(dest, info.filename), files: info.files.length, size: info.size, name: info.name, version: info.version };
}

/**
 * `npm run pack:all` into a temp folder (removed at exit): the combined tarball and one per provider.
 * Builds first unless `build` is false; skips n8n's scanner and leaves packaging/ untouched.
 * Resolves one entry per tarball, in the shape of packPackage() plus `kind` ('combined' | 'single').
 */
export async function packAll(repoDir, { build = true } = {}) {
	const dest = mkdtempSync(join(tmpdir(), 'n8n-esim-pack-all-'));
	removeOnCleanup(dest);
	const args = [join(repoDir, 'scripts', 'pack-all.mjs'), '--no-scan', '--no-sync', '--out', dest, ...(build ? [] : ['--no-build'])];
	await run(process.execPath, args, { cwd: repoDir, timeoutMs: 10 * 60_000 });
	return readRecord(dest).map((pkg) => ({
		tarball: join(dest, pkg.filename),
		files: pkg.files.length,
		size: pkg.size,
		name: pkg.name,
		version: pkg.version,
		kind: pkg.kind,
	}));
}
