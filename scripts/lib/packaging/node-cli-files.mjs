// The two files n8n's package tool (`@n8n/node-cli`) needs in a package's root, committed in each
// packaging/<name>/ so a reviewer's `n8n-node lint` and `n8n-node build` run there as checked out:
// `eslint.config.mjs`, node-cli's own default (strict mode compares it with this template) and
// `tsconfig.json`, node-cli's template (`n8n-node build` runs a bare `tsc`). Both are taken from the
// installed node-cli byte for byte, so a node-cli upgrade shows up as a packaging/ change to commit.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const TEMPLATE_PATHS = {
	'eslint.config.mjs': ['shared', 'default', 'eslint.config.mjs'],
	'tsconfig.json': ['programmatic', 'example', 'template', 'tsconfig.json'],
};

/** The file names, in the order they are written. */
export const NODE_CLI_FILES = Object.keys(TEMPLATE_PATHS);

/** `{ 'eslint.config.mjs': text, 'tsconfig.json': text }` from the node-cli installed under `root`. */
export function nodeCliFiles(root) {
	const templates = join(root, 'node_modules', '@n8n', 'node-cli', 'dist', 'template', 'templates');
	return Object.fromEntries(
		NODE_CLI_FILES.map((file) => {
			const path = join(templates, ...TEMPLATE_PATHS[file]);
			if (!existsSync(path))
				throw new Error(`@n8n/node-cli has no template ${relative(root, path)}: is it installed?`);
			return [file, readFileSync(path, 'utf8')];
		}),
	);
}
