// Checks locally what the publish workflow would release: runs pack:all (one build, three tarballs,
// n8n's scanner on each), then verifies that all versions match (and the tag, on a tag build), that
// packaging/ is committed as packed, that each tarball holds what it should and nothing else, and
// that CHANGELOG.md has an entry for the version. Exits non-zero on any problem.
//
//   npm run release:check [-- --no-pack]   (--no-pack: check the tarballs already in build/packages)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	checkChangelog,
	checkProviderSplit,
	checkTarball,
	checkVersions,
} from './lib/release/release-checks.mjs';
import { packagingDir } from './lib/packaging/split-manifest.mjs';
import { readRecord, summaryLines } from './lib/packaging/split-pack.mjs';
import { PROVIDERS } from './lib/packaging/split-providers.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'build', 'packages');
const { values: args } = parseArgs({ options: { 'no-pack': { type: 'boolean', default: false } } });

if (!args['no-pack']) {
	try {
		execFileSync(process.execPath, [join(root, 'scripts', 'pack-all.mjs')], {
			cwd: root,
			stdio: 'inherit',
		});
	} catch {
		console.error('release:check: pack:all failed (see above)');
		process.exit(1);
	}
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const rootPkg = readJson(join(root, 'package.json'));
const packages = readRecord(outDir);
const manifestIn = (pkg) =>
	JSON.parse(
		execFileSync('tar', ['-xzOf', join(outDir, pkg.filename), 'package/package.json'], {
			encoding: 'utf8',
		}),
	);

function uncommittedPackaging() {
	try {
		const status = execFileSync('git', ['status', '--porcelain', '--', 'packaging'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return status.trim()
			? [
					`packaging/ differs from the commit (run npm run pack:all and commit it):\n${status.trimEnd()}`,
				]
			: [];
	} catch {
		console.log('release:check: not a git checkout, skipping the packaging/ commit check');
		return [];
	}
}

const checks = [
	[
		'versions',
		checkVersions({
			rootVersion: rootPkg.version,
			manifests: PROVIDERS.map((p) => ({
				path: `${packagingDir(p)}/package.json`,
				version: readJson(join(root, packagingDir(p), 'package.json')).version,
			})),
			packages,
			tag: process.env.GITHUB_REF_TYPE === 'tag' ? process.env.GITHUB_REF_NAME : undefined,
		}),
	],
	['packaging/ committed', uncommittedPackaging()],
	[
		'tarball contents',
		packages.flatMap((pkg) => checkTarball({ pkg, manifest: manifestIn(pkg), rootPkg })),
	],
	[
		'provider split',
		packages.flatMap((pkg) => checkProviderSplit({ pkg, manifest: manifestIn(pkg) })),
	],
	[
		'changelog',
		checkChangelog(
			existsSync(join(root, 'CHANGELOG.md'))
				? readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
				: undefined,
			rootPkg.version,
		),
	],
];

console.log(`\nrelease:check ${rootPkg.version}`);
for (const line of summaryLines(packages)) console.log(`  ${line}`);
let failed = 0;
for (const [name, problems] of checks) {
	console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}`);
	for (const problem of problems) console.log(`     - ${problem}`);
	failed += problems.length;
}
if (failed) {
	console.error(`release:check: ${failed} problem(s)`);
	process.exit(1);
}
console.log('release:check: ready to publish');
