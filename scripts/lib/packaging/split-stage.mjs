// Lays out one single-service package from the build in `dist/`: its module closure, icons and
// codex files (codex `node` ids renamed to the package), the generated package.json and README, and
// the licence. Also keeps `packaging/<name>/` in step: the committed manifest and README n8n's
// verification scanner finds by package name in the repository, node-cli's eslint.config.mjs and
// tsconfig.json (a reviewer's `n8n-node lint` and `n8n-node build` run there as committed), and
// symlinks to the sources the package is built from, so that scanner's source leg lints exactly those sources.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { moduleClosure } from './split-closure.mjs';
import { manifestFor, manifestText, packagingDir, repositoryWebUrl } from './split-manifest.mjs';
import { credentialsBlock, examplesBlock, fillBlocks, loadEntry, operationsBlock } from './split-readme.mjs';
import { nodeCliFiles } from './node-cli-files.mjs';

const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

function copyInto(root, stageDir, file, transform) {
	const target = join(stageDir, file);
	mkdirSync(dirname(target), { recursive: true });
	if (transform) writeFileSync(target, transform(readFileSync(join(root, file), 'utf8')));
	else copyFileSync(join(root, file), target);
}

/** The README of the package, from its template and the compiled descriptions. */
export function renderReadme(root, rootPkg, provider, entries, allEntries) {
	const templatePath = join(root, packagingDir(provider), 'README.md');
	const template = read(templatePath);
	if (template === undefined) throw new Error(`${relative(root, templatePath)} is missing: it is the README template of ${provider.name}`);
	const nodes = entries.nodes.map((entry) => loadEntry(root, entry));
	const names = (list) => list.map((node) => node.description.name);
	const others = [...allEntries].filter(([name]) => name !== provider.name).flatMap(([, e]) => e.nodes);
	return fillBlocks(template, {
		credentials: credentialsBlock(entries.credentials.map((entry) => loadEntry(root, entry))),
		operations: operationsBlock(nodes),
		examples: examplesBlock({
			root,
			web: repositoryWebUrl(rootPkg),
			combinedName: rootPkg.name,
			packageName: provider.name,
			nodeNames: names(nodes),
			otherNodeNames: names(others.map((entry) => loadEntry(root, entry))),
		}),
	}, relative(root, templatePath));
}

/**
 * Copies the package's files into `stageDir` and writes its package.json and README.
 * Resolves `{ manifest, readme, externals, sources }`; `sources` are the source paths
 * (`nodes/<Folder>`, `credentials/<Name>.credentials.ts`) the package's code comes from.
 */
export function stageProvider({ root, rootPkg, provider, entries, allEntries, stageDir }) {
	const { modules, assets, externals } = moduleClosure(root, [...entries.nodes, ...entries.credentials]);
	rmSync(stageDir, { recursive: true, force: true });
	mkdirSync(stageDir, { recursive: true });
	const renameCodex = (text) => {
		const codex = JSON.parse(text);
		if (typeof codex.node === 'string') codex.node = codex.node.replace(`${rootPkg.name}.`, `${provider.name}.`);
		return `${JSON.stringify(codex, null, '\t')}\n`;
	};
	for (const file of modules) copyInto(root, stageDir, file);
	for (const file of assets) copyInto(root, stageDir, file, file.endsWith('.node.json') ? renameCodex : undefined);
	const manifest = manifestFor(rootPkg, provider, entries);
	const readme = renderReadme(root, rootPkg, provider, entries, allEntries);
	writeFileSync(join(stageDir, 'package.json'), manifestText(manifest));
	writeFileSync(join(stageDir, 'README.md'), readme);
	copyFileSync(join(root, 'LICENSE.md'), join(stageDir, 'LICENSE.md'));
	const sources = new Set();
	for (const file of modules) {
		const parts = file.split('/');
		if (parts[1] === 'nodes') sources.add(`nodes/${parts[2]}`);
		if (parts[1] === 'credentials') sources.add(`credentials/${parts[2].replace(/\.js$/, '.ts')}`);
	}
	return { manifest, readme, externals, sources: [...sources].sort() };
}

function syncLink(link, target) {
	const current = lstatSync(link, { throwIfNoEntry: false });
	if (current?.isSymbolicLink() && readlinkSync(link) === target) return false;
	rmSync(link, { recursive: true, force: true });
	mkdirSync(dirname(link), { recursive: true });
	symlinkSync(target, link);
	return true;
}

/**
 * Writes `packaging/<name>/package.json` and README.md when they differ from the staged ones, and
 * node-cli's `eslint.config.mjs` and `tsconfig.json` (see node-cli-files.mjs) when they differ from
 * its templates, and points `packaging/<name>/{nodes,credentials}/…` at the sources. Returns the paths it changed.
 */
export function syncPackaging(root, provider, staged) {
	const dir = join(root, packagingDir(provider));
	const changed = [];
	const files = [['package.json', manifestText(staged.manifest)], ['README.md', staged.readme], ...Object.entries(nodeCliFiles(root))];
	for (const [file, text] of files) {
		if (read(join(dir, file)) !== text) {
			writeFileSync(join(dir, file), text);
			changed.push(`${packagingDir(provider)}/${file}`);
		}
	}
	const wanted = new Set(staged.sources);
	for (const sub of ['nodes', 'credentials']) {
		for (const name of existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)) : []) {
			if (!wanted.has(`${sub}/${name}`)) {
				rmSync(join(dir, sub, name), { recursive: true, force: true });
				changed.push(`${packagingDir(provider)}/${sub}/${name}`);
			}
		}
	}
	for (const source of staged.sources) {
		const link = join(dir, source);
		if (syncLink(link, relative(dirname(link), join(root, source)))) changed.push(`${packagingDir(provider)}/${source}`);
	}
	return changed;
}

