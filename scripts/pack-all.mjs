// From one build, writes the three publishable tarballs into build/packages/: the combined
// `n8n-nodes-esim` (exactly `npm pack` of this repository) and one single-service package per
// provider (see scripts/lib/packaging/split-providers.mjs), then runs n8n's scanner on each of them.
//
//   npm run pack:all [-- --no-build] [-- --no-scan] [-- --no-sync] [-- --out <dir>]
//
// --no-build  pack the existing dist/ instead of running `npm run build` first
// --no-scan   skip the scanner legs (the packaging test uses this; release:check never does)
// --no-sync   leave packaging/<name>/ untouched (it is otherwise updated to match what was packed)
// --out       write the tarballs and packages.json somewhere else than build/packages/
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scanLeg, scanTarball, SOURCE_FILE_PATTERNS } from './lib/release/scan-community.mjs';
import { npmPack, summaryLines, writeRecord } from './lib/packaging/split-pack.mjs';
import { packagingDir } from './lib/packaging/split-manifest.mjs';
import { PROVIDERS, splitEntries } from './lib/packaging/split-providers.mjs';
import { stageProvider, syncPackaging } from './lib/packaging/split-stage.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		'no-scan': { type: 'boolean', default: false },
		'no-sync': { type: 'boolean', default: false },
		out: { type: 'string', default: join(root, 'build', 'packages') },
	},
});
const outDir = resolve(args.out);

if (!args['no-build'])
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (!existsSync(join(root, 'dist')))
	throw new Error('dist/ is missing: run `npm run build` or drop --no-build');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const allEntries = splitEntries(rootPkg);
/** @type {Array<Record<string, any>>} */
const packages = [{ ...npmPack(root, outDir), kind: 'combined' }];
const stageRoot = mkdtempSync(join(tmpdir(), 'esim-stage-'));
try {
	for (const provider of PROVIDERS) {
		const entries = allEntries.get(provider.name);
		if (!entries.nodes.length)
			throw new Error(
				`${provider.name}: no node of ${provider.folder} is registered in package.json`,
			);
		const stageDir = join(stageRoot, provider.name);
		const staged = stageProvider({ root, rootPkg, provider, entries, allEntries, stageDir });
		if (!args['no-sync']) {
			for (const path of syncPackaging(root, provider, staged)) console.log(`updated ${path}`);
		}
		packages.push({
			...npmPack(stageDir, outDir),
			kind: 'single',
			folder: provider.folder,
			sources: staged.sources,
		});
	}
} finally {
	rmSync(stageRoot, { recursive: true, force: true });
}
writeRecord(outDir, packages);
console.log(`\n${packages.length} tarballs in ${outDir}:`);
for (const line of summaryLines(packages)) console.log(`  ${line}`);

if (!args['no-scan']) {
	console.log('');
	const legs = [await scanLeg(`${rootPkg.name} source`, root, SOURCE_FILE_PATTERNS)];
	for (const provider of PROVIDERS) {
		legs.push(
			await scanLeg(
				`${provider.name} source`,
				join(root, packagingDir(provider)),
				SOURCE_FILE_PATTERNS,
			),
		);
	}
	for (const pkg of packages)
		legs.push(await scanTarball(`${pkg.name} tarball`, join(outDir, pkg.filename)));
	if (legs.some((leg) => !leg.ok)) {
		console.error('\nn8n scanner findings above: fix them before publishing.');
		process.exitCode = 1;
	}
}
