// Checks that every n8n-nodes-base node an example uses exists, in that typeVersion, in the installed
// n8n. Runs the lookup under the cached Node 24 (n8n-nodes-base's classes need it).
import { run } from '../common/processes.mjs';

const LOOKUP = `
const { join, basename } = require('node:path');
const base = join(process.argv[1], 'n8n-nodes-base');
const files = require(join(base, 'package.json')).n8n.nodes;
const wanted = JSON.parse(process.argv[2]);
const out = {};
for (const type of wanted) {
	const name = type.split('.')[1];
	const file = files.find((f) => { const b = basename(f).split('.')[0]; return b[0].toLowerCase() + b.slice(1) === name; });
	if (!file) { out[type] = null; continue; }
	const mod = require(join(base, file));
	const Cls = Object.values(mod).find((v) => typeof v === 'function');
	const node = new Cls();
	const versions = node.nodeVersions ? Object.keys(node.nodeVersions).map(Number) : [].concat(node.description.version);
	out[type] = { file, versions, name: (node.description ?? node.baseDescription ?? {}).name };
}
process.stdout.write(JSON.stringify(out));
`;

/** { '<type>': { file, versions } | null } for the given `n8n-nodes-base.*` types. */
export async function baseNodeVersions(paths, types) {
	const { stdout } = await run(
		paths.node,
		['-e', LOOKUP, paths.n8nModules, JSON.stringify(types)],
		{ env: { ...process.env, N8N_DIAGNOSTICS_ENABLED: 'false' } },
	);
	return JSON.parse(stdout.slice(stdout.indexOf('{')));
}

/** Problems like `Top-up approval: "Below threshold?" n8n-nodes-base.if v2.2 — n8n has 1, 2, 2.1` (empty when all fine). */
export async function checkBaseNodeVersions(paths, workflows) {
	const used = workflows.flatMap((wf) =>
		wf.nodes
			.filter((n) => n.type.startsWith('n8n-nodes-base.'))
			.map((n) => ({ wf: wf.name, node: n })),
	);
	const known = await baseNodeVersions(paths, [...new Set(used.map((u) => u.node.type))]);
	return used
		.filter(({ node }) => !known[node.type]?.versions.includes(node.typeVersion))
		.map(
			({ wf, node }) =>
				`${wf}: "${node.name}" ${node.type} v${node.typeVersion} — n8n has ${known[node.type]?.versions.join(', ') ?? 'no such node'}`,
		);
}
