// What a release must satisfy, as functions returning a list of problems (empty when fine):
// matching versions, the expected files in each tarball and nothing else, size limits, and a
// changelog entry for the version.
import { PROVIDERS } from '../packaging/split-providers.mjs';

/**
 * Upper bounds that catch an accidentally packed folder (tests, sandbox, node_modules…). The combined
 * package ships one .js and one .d.ts per source file (about 150 of each today), so the file bound
 * leaves room for a third node; a packed folder still shows up in the byte bounds and FORBIDDEN.
 */
export const LIMITS = { packedBytes: 200 * 1024, unpackedBytes: 1024 * 1024, files: 450 };

const TOP_LEVEL = new Set(['package.json', 'README.md', 'LICENSE.md']);
/** @type {Array<[RegExp, string]>} */
const FORBIDDEN = [
	[
		/(^|\/)(test|tests|__tests__|test-e2e|sandbox|bench|examples|scripts|node_modules|packaging)\//,
		'a development folder',
	],
	[/\.(test|spec)\.[cm]?[jt]s$/, 'a test file'],
	[/(?<!\.d)\.ts$/, 'TypeScript source'],
	[/\.(map|tgz|log)$|(^|\/)\.env/, 'a build or local file'],
];

export function checkVersions({ rootVersion, manifests, packages, tag }) {
	const problems = [];
	for (const [where, version] of [
		...manifests.map((m) => [m.path, m.version]),
		...packages.map((p) => [p.filename, p.version]),
	]) {
		if (version !== rootVersion)
			problems.push(`${where} has version ${version}, package.json has ${rootVersion}`);
	}
	if (tag !== undefined && tag !== `v${rootVersion}`)
		problems.push(
			`the tag ${tag} does not match the version ${rootVersion} (expected v${rootVersion})`,
		);
	return problems;
}

/** A CHANGELOG.md heading for the version: `## 0.1.0`, `## [0.1.0]` or `## v0.1.0`, with text under it. */
export function checkChangelog(changelog, version) {
	if (changelog === undefined) return ['CHANGELOG.md is missing'];
	const escaped = version.replace(/\./g, '\\.');
	const heading = new RegExp(`^## \\[?v?${escaped}\\]?(\\s|$)`, 'm');
	const match = heading.exec(changelog);
	if (!match) return [`CHANGELOG.md has no "## ${version}" entry`];
	const body = changelog.slice(match.index + match[0].length).split(/^## /m)[0];
	return body.replace(/[-*\s]/g, '').length < 20
		? [`the CHANGELOG.md entry for ${version} is empty`]
		: [];
}

/** Files, entries and metadata of one packed tarball; `manifest` is the package.json inside it. */
export function checkTarball({ pkg, manifest, rootPkg }) {
	const problems = [];
	const paths = pkg.files.map((f) => f.path);
	const has = new Set(paths);
	const say = (text) => problems.push(`${pkg.filename}: ${text}`);
	for (const path of paths) {
		if (!TOP_LEVEL.has(path) && !path.startsWith('dist/')) say(`${path} is outside dist/`);
		for (const [pattern, what] of FORBIDDEN) if (pattern.test(path)) say(`${path} is ${what}`);
	}
	for (const required of TOP_LEVEL) if (!has.has(required)) say(`${required} is missing`);
	const entries = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	if (!manifest.n8n?.nodes?.length) say('package.json lists no nodes');
	for (const entry of entries)
		if (!has.has(entry)) say(`${entry} is listed in package.json but not packed`);
	for (const node of manifest.n8n?.nodes ?? []) {
		const folder = node.slice(0, node.lastIndexOf('/') + 1);
		if (!has.has(node.replace(/\.js$/, '.json'))) say(`${node} has no codex file`);
		if (
			!paths.some(
				(p) => p.startsWith(folder) && p.endsWith('.svg') && !p.slice(folder.length).includes('/'),
			)
		)
			say(`${folder} has no icon`);
	}
	if (pkg.size > LIMITS.packedBytes)
		say(`${pkg.size} bytes packed, more than ${LIMITS.packedBytes}`);
	if (pkg.unpackedSize > LIMITS.unpackedBytes)
		say(`${pkg.unpackedSize} bytes unpacked, more than ${LIMITS.unpackedBytes}`);
	if (paths.length > LIMITS.files) say(`${paths.length} files, more than ${LIMITS.files}`);
	if (manifest.repository?.url !== rootPkg.repository?.url)
		say('repository.url differs from the repository that builds it (npm provenance refuses that)');
	if (manifest.license !== 'MIT') say(`licence is ${manifest.license}, not MIT`);
	if (!manifest.keywords?.includes('n8n-community-node-package'))
		say('keywords lack n8n-community-node-package');
	if (!manifest.author || !manifest.homepage) say('author or homepage is missing');
	if (Object.keys(manifest.dependencies ?? {}).length) say('has runtime dependencies');
	if (!manifest.peerDependencies?.['n8n-workflow'])
		say('does not declare the n8n-workflow peer dependency');
	if (JSON.stringify(manifest.files) !== JSON.stringify(['dist'])) say('files is not ["dist"]');
	return problems;
}

/** A single-service tarball holds nothing of the other providers; the combined one holds every provider. */
export function checkProviderSplit({ pkg, manifest }) {
	const problems = [];
	const paths = pkg.files.map((f) => f.path);
	const entries = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const belongs = (provider, path) =>
		path.startsWith(`dist/nodes/${provider.folder}/`) ||
		path.startsWith(`dist/credentials/${provider.folder}`);
	for (const provider of PROVIDERS) {
		if (pkg.kind === 'combined') {
			if (!entries.some((e) => belongs(provider, e)))
				problems.push(`${pkg.filename}: has no node or credential of ${provider.label}`);
			continue;
		}
		if (provider.folder === pkg.folder) continue;
		for (const path of paths.filter((p) => belongs(provider, p)))
			problems.push(`${pkg.filename}: ${path} belongs to ${provider.label}`);
	}
	return problems;
}
