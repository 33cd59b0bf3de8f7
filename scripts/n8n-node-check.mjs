#!/usr/bin/env node
// `npm run lint:n8n-node`: n8n's own package tool (`n8n-node lint` and `n8n-node build` from
// @n8n/node-cli) on each package the way a reviewer gets it, so the result cannot silently regress.
//
// Each single-service package is checked twice:
// - in its published source root, packaging/<name>/, exactly as committed: `n8n-node lint` and
//   `n8n-node build` run there with no step of ours first. The root holds node-cli's default
//   eslint.config.mjs (strict mode demands exactly that file) and template tsconfig.json (`build`
//   runs a bare `tsc`), written by `npm run pack:all`; this script fails when they differ from the
//   installed node-cli's templates. The build's dist/ is removed afterwards (it is git-ignored).
// - in a real copy (`cp -rL`) in build/n8n-node/: ESLint does not descend into the symlinked folders
//   committed in packaging/<name>/, so the lint in place reads only package.json and the credential
//   file; the copy's lint reads every source. The copies live inside the repository, so
//   `@n8n/node-cli`, eslint and tsc resolve from its node_modules.
//
// The combined package (the repository root) declares `"strict": false`: its tree also holds the
// sandbox, tests and benchmarks, which node-cli's default config would lint as shipped code. Its
// shipped sources are the union of the two packages' (nodes/<Provider>/, nodes/shared/, credentials/),
// so they are linted here too; this script checks that the root keeps `strict` off rather than
// claiming a mode the tool would reject.
//
//   npm run lint:n8n-node [-- --no-build] [-- --keep] [-- <package name>…]   (--keep: leave the copies in build/n8n-node/)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fmt } from './lib/common/progress.mjs';
import { run } from './lib/common/processes.mjs';
import { NODE_CLI_FILES, nodeCliFiles } from './lib/packaging/node-cli-files.mjs';
import { PROVIDERS } from './lib/packaging/split-providers.mjs';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin', 'n8n-node');
const { values: args, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		'no-build': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
	},
});
const templates = nodeCliFiles(root);

const targets = [
	...PROVIDERS.map((p) => ({
		name: p.name,
		from: join(root, 'packaging', p.name),
		files: ['package.json', 'README.md', ...NODE_CLI_FILES, 'nodes', 'credentials'],
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
/** `n8n-node <command>` in `cwd`; a problem line (with the tool's output) when it fails. */
async function nodeCli(command, cwd, where) {
	const result = await run(bin, [command], {
		cwd,
		env: plainEnv,
		check: false,
		timeoutMs: 10 * 60_000,
	});
	if (result.code === 0) return [];
	const output = `${result.stdout}\n${result.stderr}`.trim();
	return [`n8n-node ${command} ${where} exited with ${result.code}:\n${output}`];
}

/** The entries of package.json's n8n block that a build left out of `<dir>/dist`. */
const unbuilt = (dir, pkg) =>
	[...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((entry) => !existsSync(join(dir, entry)));

for (const target of targets) {
	const started = Date.now();
	const problems = [];
	const build = target.build && !args['no-build'];
	const where = relative(root, target.from);
	// 1. In place, as committed: node-cli's two files must be there, unchanged.
	for (const file of NODE_CLI_FILES) {
		const path = join(target.from, file);
		if (!existsSync(path)) problems.push(`${where}/${file} is missing (run npm run pack:all)`);
		else if (readFileSync(path, 'utf8') !== templates[file])
			problems.push(
				`${where}/${file} differs from @n8n/node-cli's template (run npm run pack:all)`,
			);
	}
	problems.push(...(await nodeCli('lint', target.from, `in ${where}/`)));
	if (build) {
		const hadDist = existsSync(join(target.from, 'dist'));
		const failedBuild = await nodeCli('build', target.from, `in ${where}/`);
		problems.push(...failedBuild);
		const pkg = JSON.parse(readFileSync(join(target.from, 'package.json'), 'utf8'));
		if (!failedBuild.length && unbuilt(target.from, pkg).length)
			problems.push(
				`n8n-node build in ${where}/ did not write ${unbuilt(target.from, pkg).join(', ')}`,
			);
		// A dist/ left there would sit in the tree jest crawls; one the user had is theirs.
		if (!hadDist) rmSync(join(target.from, 'dist'), { recursive: true, force: true });
	}

	// 2. A dereferenced copy, so the lint reads every source.
	const dir = join(root, 'build', 'n8n-node', target.name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const file of target.files)
		if (existsSync(join(target.from, file)))
			cpSync(join(target.from, file), join(dir, file), { recursive: true, dereference: true });
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	if (Boolean(pkg.n8n?.strict) !== target.strict)
		problems.push(`package.json has n8n.strict ${pkg.n8n?.strict}, expected ${target.strict}`);
	const sources = walk(dir).filter((f) => f.endsWith('.ts'));
	if (
		!sources.some((f) => f.endsWith('.node.ts')) ||
		!sources.some((f) => f.endsWith('.credentials.ts'))
	)
		problems.push('the copy holds no node or credential source');
	problems.push(...(await nodeCli('lint', dir, 'in a real copy')));

	const what = `${target.strict ? 'strict' : 'non-strict'} lint${build ? ' and build' : ''} in ${where}/ as committed, lint of all ${sources.length} TypeScript files in a real copy`;
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
