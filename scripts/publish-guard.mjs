#!/usr/bin/env node
// `prepublishOnly`: releases are published only by .github/workflows/publish.yml (npm trusted
// publishing with provenance), never from a developer machine. The repository's .npmrc also sets
// `provenance=true`, which stops a local `npm publish` even when scripts are disabled.
if (process.env.GITHUB_ACTIONS !== 'true' || process.env.N8N_ESIM_RELEASE !== 'publish-workflow') {
	console.error(
		'n8n-nodes-esim is published only by the GitHub "Publish" workflow (push a v<version> tag; see .github/workflows/publish.yml).\n' +
			'Nothing was published.',
	);
	process.exit(1);
}
