/**
 * `npm run bench`: each scenario against its baselines in one run, once on a
 * sandbox without added latency and once on one in latency mode (80 ms per
 * provider request); prints the table and writes bench/RESULTS.md.
 * `BENCH_ONLY=1,3` runs some scenarios, `BENCH_LATENCY=80` one pass; either
 * writes nothing. `BENCH_FULL=1` keeps the full counts at 80 ms (slow).
 */
import '../test/setup-env';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox';
import { passes, type Pass } from './lib/latency';
import { buildDist } from './lib/ours';
import { load, machine, otherCpuShare } from './lib/machine';
import { plainTable, table, type Section } from './lib/report';
import { packageLoad } from './scenarios/load';
import { rateLimited } from './scenarios/rateLimit';
import { returnAll } from './scenarios/returnAll';
import { triggerCost } from './scenarios/trigger';
import type { Sandbox } from '../sandbox';

const SCENARIOS: Array<[string, (sandbox: Sandbox, pass: Pass) => Promise<Section>]> = [
	['Return All', returnAll],
	['Rate limit', rateLimited],
	['Trigger', triggerCost],
	['Package load', packageLoad],
];

/** What the CPU use of other processes during the run means for the figures. */
function quiet(share: number | undefined): string {
	if (share === undefined) return 'CPU use of other processes was not measured.';
	const used = `Other processes used ${(share * 100).toFixed(0)}% of the machine's CPU during the run`;
	return share < 0.1
		? `${used}: a quiet machine.`
		: `${used}: the machine was not quiet, so wall times carry noise (contenders of scenarios 1 and 4 are interleaved round by round, so their ratios suffer less).`;
}

async function main(): Promise<void> {
	const only = process.env.BENCH_ONLY?.split(',').map(Number);
	const runs = passes();
	const partial = only !== undefined || process.env.BENCH_LATENCY !== undefined;
	process.stdout.write('Compiling the package (tsc -p tsconfig.build.json → bench/.out/dist)\n');
	buildDist();
	// Taken right after compiling: the commit and any uncommitted change that went into the measured code.
	const setup = machine();
	const loadBefore = load();
	const others = otherCpuShare();
	const started = Date.now();
	const sections: Section[] = [];
	for (const pass of runs) {
		// Latency mode as a start option: every reset inside a scenario keeps the delay.
		const sandbox = await startSandbox({ port: 0, seed: 1, latencyMs: pass.latencyMs });
		try {
			for (const [index, [name, scenario]] of SCENARIOS.entries()) {
				if (only && !only.includes(index + 1)) continue;
				process.stdout.write(`Scenario ${index + 1}: ${name}, ${pass.latencyMs} ms latency\n`);
				sections.push(await scenario(sandbox, pass));
			}
		} finally {
			await sandbox.close();
		}
	}
	const rows = sections.flatMap((section) => section.rows);
	process.stdout.write(`\n${plainTable(rows)}\n\n`);
	const loadAfter = load();
	const share = others();
	if (partial) return;
	const notes = sections.flatMap((section) => [`### ${section.title}`, '', ...section.notes, '']);
	const text = [
		'# Benchmarks',
		'',
		"Produced by `npm run bench` (bench/run.ts). All figures come from one run: every scenario on a sandbox in the bench process without added latency, then again on one in latency mode (80 ms waited by the sandbox before answering each provider request, roughly a real round trip); at 80 ms the counts are scaled down where a sequential walk would take minutes, and the title says so. Baselines run in the same pass as the figure they are compared with. The package is the compiled code (`tsc -p tsconfig.build.json`), executed through n8n-core's WorkflowExecute like the tests. Ratios are ours ÷ baseline: lower is better.",
		'',
		...setup,
		`- Load average (1/5/15 min) at start ${loadBefore}, at the end ${loadAfter}; the bench took ${((Date.now() - started) / 60_000).toFixed(1)} min. ${quiet(share)}`,
		'',
		table(rows),
		'',
		...notes,
	].join('\n');
	writeFileSync(join(__dirname, 'RESULTS.md'), text);
	process.stdout.write('Wrote bench/RESULTS.md\n');
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
