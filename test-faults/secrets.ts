import type { Sandbox } from '../sandbox';

/**
 * Fails when any secret appears in the given texts (the JSON of workflow runs)
 * or in the sandbox's request log, naming where it was found.
 */
export function expectNoSecrets(
	sandbox: Sandbox,
	texts: Record<string, string>,
	secrets: string[],
): void {
	const all: Record<string, string> = {
		...texts,
		'sandbox request log': JSON.stringify(sandbox.log.entries()),
	};
	const found: string[] = [];
	for (const secret of secrets.filter((value) => value.length >= 6)) {
		for (const [where, text] of Object.entries(all)) {
			if (text.includes(secret)) found.push(`${secret.slice(0, 3)}… in ${where}`);
		}
	}
	expect(found).toEqual([]);
}

/** How many requests of the log had each fault injected, for one route. */
export function faultsFired(
	sandbox: Sandbox,
	method: string,
	path: string,
): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const entry of sandbox.log.entries({ method, path })) {
		if (entry.fault) counts[entry.fault] = (counts[entry.fault] ?? 0) + 1;
	}
	return counts;
}
