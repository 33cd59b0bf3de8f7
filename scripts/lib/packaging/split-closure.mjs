// The files a set of compiled entry points needs at runtime: the JS module closure found by
// following every `require()` from the entries, the icons the code points to with `file:` paths,
// and the codex file (`<Name>.node.json`) next to each node. Paths are relative to the package root.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Packages n8n provides to community nodes at runtime (peer dependency or bundled with n8n). */
export const PROVIDED_AT_RUNTIME = ['n8n-workflow', 'zod'];

const REQUIRE = /\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g;
const DYNAMIC_REQUIRE = /\brequire\s*\(\s*(?!['"])/;
const FILE_ICON = /(['"`])file:([^'"`]+)\1/g;

const toPosix = (path) => path.split(sep).join('/');
const isFile = (path) => existsSync(path) && statSync(path).isFile();

function resolveLocal(root, fromFile, specifier) {
	const base = join(root, dirname(fromFile), specifier);
	for (const candidate of [base, `${base}.js`, `${base}.json`, join(base, 'index.js')]) {
		if (isFile(candidate)) return toPosix(relative(root, candidate));
	}
	throw new Error(`${fromFile} requires "${specifier}", which is not in the build output`);
}

function packageOf(specifier) {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isBuiltin = (name) => name.startsWith('node:') || builtinModules.includes(name);

/** Icons a compiled file points to with `file:` paths, resolved relative to it. */
export function iconsOf(root, file, code) {
	const icons = [];
	for (const [, , target] of code.matchAll(FILE_ICON)) {
		const icon = toPosix(normalize(join(dirname(file), target)));
		if (!isFile(join(root, icon))) throw new Error(`${file} points to the icon ${icon}, which is not in the build output`);
		icons.push(icon);
	}
	return icons;
}

/**
 * Follows `require()` from the entry files. Resolves `{ modules, assets, externals }`: the JS and
 * JSON modules reached, the icons and codex files they need, and the external packages required
 * (name → requiring files). Throws on a dynamic `require()`, a missing file, or an external
 * package n8n does not provide.
 */
export function moduleClosure(root, entries) {
	const modules = new Set();
	const assets = new Set();
	const externals = new Map();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.shift();
		if (modules.has(file)) continue;
		if (!isFile(join(root, file))) throw new Error(`${file} is listed or required but is not in the build output`);
		modules.add(file);
		if (!file.endsWith('.js')) continue;
		const code = readFileSync(join(root, file), 'utf8');
		if (DYNAMIC_REQUIRE.test(code)) throw new Error(`${file} calls require() with a computed path; the closure cannot be followed`);
		for (const icon of iconsOf(root, file, code)) assets.add(icon);
		for (const [, , specifier] of code.matchAll(REQUIRE)) {
			if (specifier.startsWith('.')) {
				queue.push(resolveLocal(root, file, specifier));
				continue;
			}
			const name = packageOf(specifier);
			if (!isBuiltin(name) && !PROVIDED_AT_RUNTIME.includes(name)) {
				throw new Error(`${file} requires "${specifier}", which n8n does not provide; community packages ship no dependencies`);
			}
			externals.set(name, [...(externals.get(name) ?? []), file]);
		}
	}
	for (const entry of entries) {
		const codex = entry.replace(/\.node\.js$/, '.node.json');
		if (codex !== entry && isFile(join(root, codex))) assets.add(codex);
	}
	return { modules, assets, externals };
}
