#!/usr/bin/env node
// `npm run lint:n8n-node`: n8n's own package tool (`n8n-node lint` and `n8n-node build` from
// @n8n/node-cli) on each package the way a reviewer gets it, so the result cannot silently regress.
//
// Each single-service package is checked from its published source root, packaging/<name>/, copied
// for real (`cp -rL`): ESLint does not descend into the symlinked folders committed there, so a lint
// inside packaging/<name>/ would pass without reading the sources. The copy gets node-cli's own
// default eslint.config.mjs (strict mode demands exactly that file) and node-cli's template
// tsconfig.json (`build` runs a bare `tsc`). The copies live in build/n8n-node/, inside the
// repository, so `@n8n/node-cli`, eslint and tsc resolve from its node_modules.
//
// The combined package (the repository root) declares `"strict": false`: its tree also holds the
// sandbox, tests and benchmarks, which node-cli's default config would lint as shipped code. Its
// shipped sources are the union of the two packages' (nodes/<Provider>/, nodes/shared/, credentials/),
// so they are linted here too; this script checks that the root keeps `strict` off rather than
// claiming a mode the tool would reject.
//
//   npm run lint:n8n-node [-- --no-build] [-- --keep] [-- <package name>…]   (--keep: leave the copies in build/n8n-node/)
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fmt } from './lib/common/progress.mjs';
import { run } from './lib/common/processes.mjs';
import { PROVIDERS } from './lib/packaging/split-providers.mjs';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'node_modules', '@n8n', 'node-cli');
const bin = join(root, 'node_modules', '.bin', 'n8n-node');
const { values: args, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		'no-build': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
	},
});

/** node-cli's own template files, byte for byte (strict mode compares eslint.config.mjs with its template). */
const TEMPLATES = {
	'eslint.config.mjs': join(
		cli,
		'dist',
		'template',
		'templates',
		'shared',
		'default',
		'eslint.config.mjs',
	),
	'tsconfig.json': join(
		cli,
		'dist',
		'template',
		'templates',
		'programmatic',
		'example',
		'template',
		'tsconfig.json',
	),
};
function template(file) {
	if (!existsSync(TEMPLATES[file]))
		throw new Error(`@n8n/node-cli has no template ${relative(root, TEMPLATES[file])}`);
	return readFileSync(TEMPLATES[file], 'utf8');
}

const targets = [
	...PROVIDERS.map((p) => ({
		name: p.name,
		from: join(root, 'packaging', p.name),
		files: ['package.json', 'README.md', 'nodes', 'credentials'],
		strict: true,
		build: true,
	})),
].filter((t) => !positionals.length || positionals.includes(t.name));

/** Every path under dir (files only), and whether any of them is a symbolic link. */
function walk(dir, out = []) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isSymbolicLink()) throw new Error(`${relative(root, path)} is still a symbolic link`);
		if (entry.isDirectory()) walk(path, out);
		else out.push(path);
	}
	return out;
}

/** No colour codes in the output this script prints. */
const plainEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let failed = 0;
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (rootPkg.n8n?.strict !== false) {
	failed++;
	console.log(
		'✘ n8n-nodes-esim: package.json must declare n8n.strict false (see README, "n8n\'s package tooling")',
	);
}
for (const target of targets) {
	const started = Date.now();
	const dir = join(root, 'build', 'n8n-node', target.name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const file of target.files)
		cpSync(join(target.from, file), join(dir, file), { recursive: true, dereference: true });
	writeFileSync(join(dir, 'eslint.config.mjs'), template('eslint.config.mjs'));
	writeFileSync(join(dir, 'tsconfig.json'), template('tsconfig.json'));
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	const problems = [];
	if (Boolean(pkg.n8n?.strict) !== target.strict)
		problems.push(`package.json has n8n.strict ${pkg.n8n?.strict}, expected ${target.strict}`);
	const sources = walk(dir).filter((f) => f.endsWith('.ts'));
	if (
		!sources.some((f) => f.endsWith('.node.ts')) ||
		!sources.some((f) => f.endsWith('.credentials.ts'))
	)
		problems.push('the copy holds no node or credential source');

	const lint = await run(bin, ['lint'], {
		cwd: dir,
		env: plainEnv,
		check: false,
		timeoutMs: 10 * 60_000,
	});
	if (lint.code !== 0)
		problems.push(
			`n8n-node lint exited with ${lint.code}:\n${`${lint.stdout}\n${lint.stderr}`.trim()}`,
		);
	if (target.build && !args['no-build']) {
		const build = await run(bin, ['build'], {
			cwd: dir,
			env: plainEnv,
			check: false,
			timeoutMs: 10 * 60_000,
		});
		if (build.code !== 0)
			problems.push(
				`n8n-node build exited with ${build.code}:\n${`${build.stdout}\n${build.stderr}`.trim()}`,
			);
		else {
			const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter(
				(entry) => !existsSync(join(dir, entry)),
			);
			if (missing.length) problems.push(`n8n-node build did not write ${missing.join(', ')}`);
		}
	}
	const what = `${target.strict ? 'strict' : 'non-strict'} lint of ${sources.length} TypeScript files${target.build && !args['no-build'] ? ' + build' : ''}`;
	if (problems.length) {
		failed++;
		console.log(
			`✘ ${target.name}: ${what} (${fmt(Date.now() - started)})\n  ${problems.join('\n  ').replaceAll('\n', '\n  ')}`,
		);
	} else console.log(`✔ ${target.name}: ${what}, no findings (${fmt(Date.now() - started)})`);
}
// The copies would otherwise sit in the tree jest crawls (three package.json files with the packages' names).
if (args.keep) console.log(`copies kept in ${relative(root, join(root, 'build', 'n8n-node'))}/`);
else rmSync(join(root, 'build', 'n8n-node'), { recursive: true, force: true });
process.exit(failed ? 1 : 0);
