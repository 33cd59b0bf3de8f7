// The package.json of a single-service package, derived from the combined package's manifest:
// same version, author, licence, repository (npm provenance requires `repository.url` to match the
// GitHub repository that builds it) and peer dependency; only the provider's nodes and credentials.

/** `https://github.com/<owner>/<repo>` from a `git+https://…git` repository URL. */
export function repositoryWebUrl(rootPkg) {
	const url = typeof rootPkg.repository === 'string' ? rootPkg.repository : rootPkg.repository?.url;
	if (!url) throw new Error('package.json has no repository.url; npm provenance needs it');
	return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** The folder of the committed manifest and README of a single-service package. */
export const packagingDir = (provider) => `packaging/${provider.name}`;

export function manifestFor(rootPkg, provider, entries) {
	const web = repositoryWebUrl(rootPkg);
	const shared = rootPkg.keywords.filter((k) => ['n8n-community-node-package', 'n8n', 'esim'].includes(k));
	return {
		name: provider.name,
		version: rootPkg.version,
		description: provider.description,
		keywords: [...new Set([...shared, ...provider.keywords])],
		license: rootPkg.license,
		homepage: `${web}/tree/main/${packagingDir(provider)}#readme`,
		author: rootPkg.author,
		repository: { ...rootPkg.repository, directory: packagingDir(provider) },
		engines: rootPkg.engines,
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: rootPkg.n8n.n8nNodesApiVersion,
			// Each single-service package passes `n8n-node lint` in strict mode (npm run lint:n8n-node checks it);
			// the combined package does not declare it (see README, "n8n's package tooling").
			strict: true,
			credentials: entries.credentials,
			nodes: entries.nodes,
		},
		dependencies: {},
		peerDependencies: rootPkg.peerDependencies,
	};
}

/** The text a manifest is written as (tab-free, 2 spaces, final newline, like npm writes it). */
export const manifestText = (manifest) => `${JSON.stringify(manifest, null, 2)}\n`;
