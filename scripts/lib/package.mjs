// Builds this repository and packs it the way npm would publish it, for installing into n8n.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnCleanup, run } from './processes.mjs';

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
