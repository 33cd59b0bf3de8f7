// Loads an installed community package the way n8n does, in a plain Node process: every node and
// credential its package.json lists (the class named after the file, instantiated), then the whole
// package through n8n-core's PackageDirectoryLoader. n8n-workflow and zod resolve through NODE_PATH,
// as n8n provides them at runtime. Prints one JSON object.
//
//   NODE_PATH=<repo>/node_modules node load-package.cjs <installed package folder>
const { existsSync } = require('node:fs');
const { basename, dirname, join, resolve } = require('node:path');

async function main(dir) {
	const pkg = require(join(dir, 'package.json'));
	const loaded = { name: pkg.name, nodes: [], credentials: [] };
	for (const kind of ['nodes', 'credentials']) {
		for (const entry of pkg.n8n[kind]) {
			const className = basename(entry).split('.')[0];
			const Type = require(join(dir, entry))[className];
			const instance = new Type();
			const described = kind === 'nodes' ? instance.description : instance;
			const icons = typeof described.icon === 'string' ? [described.icon] : Object.values(described.icon ?? {});
			loaded[kind].push({
				entry,
				className,
				name: described.name,
				displayName: described.displayName,
				missingIcons: icons
					.map((icon) => String(icon).replace(/^file:/, ''))
					.filter((icon) => !existsSync(resolve(dirname(join(dir, entry)), icon))),
			});
		}
	}
	const { PackageDirectoryLoader } = require('n8n-core');
	const loader = new PackageDirectoryLoader(dir);
	await loader.loadAll();
	loaded.n8n = {
		nodes: loader.types.nodes.map((n) => `${pkg.name}.${n.name}`),
		credentials: loader.types.credentials.map((c) => c.name),
		codex: loader.types.nodes.map((n) => Boolean(n.codex?.categories?.length)),
	};
	return loaded;
}

main(process.argv[2]).then(
	(loaded) => process.stdout.write(JSON.stringify(loaded)),
	(error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	},
);
