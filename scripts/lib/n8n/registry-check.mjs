// What the npm registry can install of an n8n release, asked before an install starts: n8n's own
// parts (the `@n8n/*` and `n8n-*` packages it pins to an exact version) are published in step with
// it, and a release is sometimes tagged before all of them are (2.41.3 is `latest` while the
// registry has neither its n8n-core 2.41.2 nor 20 more of its parts). An npm install of such a
// release fails after minutes with the first missing one; this lists them all in about 15 s.
import { run } from '../common/processes.mjs';

const own = (name) => name.startsWith('@n8n/') || name.startsWith('n8n-');
const exact = (spec) => /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec);

/** `npm view <spec> <field> --json`, parsed; undefined when the registry has nothing for it. */
async function npmView(spec, field, env) {
	const { code, stdout } = await run('npm', ['view', spec, field, '--json'], {
		env,
		check: false,
		timeoutMs: 60_000,
	});
	if (code !== 0 || !stdout.trim()) return undefined;
	return JSON.parse(stdout);
}

/** The version the registry's `latest` tag points at, or undefined when the registry cannot be asked. */
export async function newestN8n(env) {
	const tags = await npmView('n8n', 'dist-tags', env);
	return typeof tags?.latest === 'string' ? tags.latest : undefined;
}

/**
 * The parts n8n `version` pins that the registry lacks, as `name version` strings (empty when all
 * are there). Throws when the registry does not know the release itself or cannot be asked.
 */
export async function missingParts(version, env) {
	const deps = await npmView(`n8n@${version}`, 'dependencies', env);
	if (!deps) throw new Error(`the registry has no n8n ${version} (or cannot be reached)`);
	const pinned = Object.entries(deps).filter(([name, spec]) => own(name) && exact(spec));
	const missing = [];
	for (let i = 0; i < pinned.length; i += 8) {
		const batch = pinned.slice(i, i + 8);
		const found = await Promise.all(
			batch.map(([name, spec]) => npmView(`${name}@${spec}`, 'version', env)),
		);
		batch.forEach(([name, spec], j) => found[j] === undefined && missing.push(`${name} ${spec}`));
	}
	return missing;
}
