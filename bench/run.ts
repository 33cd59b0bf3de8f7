/**
 * `npm run bench`: each scenario against its baselines on one sandbox, in one
 * run; prints the table and writes bench/RESULTS.md. `BENCH_ONLY=1,3` runs
 * some scenarios and writes nothing.
 */
import '../test/setup-env';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox';
import { buildDist } from './lib/ours';
import { load, machine, otherCpuShare } from './lib/machine';
import { plainTable, table, type Section } from './lib/report';
import { packageLoad } from './scenarios/load';
import { rateLimited } from './scenarios/rateLimit';
import { returnAll } from './scenarios/returnAll';
import { triggerCost } from './scenarios/trigger';
import type { Sandbox } from '../sandbox';

const SCENARIOS: Array<[string, (sandbox: Sandbox) => Promise<Section>]> = [
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
	process.stdout.write('Compiling the package (tsc -p tsconfig.build.json → bench/.out/dist)\n');
	buildDist();
	// Taken right after compiling: the commit and any uncommitted change that went into the measured code.
	const setup = machine();
	const loadBefore = load();
	const others = otherCpuShare();
	const started = Date.now();
	const sandbox = await startSandbox({ port: 0, seed: 1 });
	const sections: Section[] = [];
	try {
		for (const [index, [name, scenario]] of SCENARIOS.entries()) {
			if (only && !only.includes(index + 1)) continue;
			process.stdout.write(`Scenario ${index + 1}: ${name}\n`);
			sections.push(await scenario(sandbox));
		}
	} finally {
		await sandbox.close();
	}
	const rows = sections.flatMap((section) => section.rows);
	process.stdout.write(`\n${plainTable(rows)}\n\n`);
	const loadAfter = load();
	const share = others();
	if (only) return;
	const notes = sections.flatMap((section) => [`### ${section.title}`, '', ...section.notes, '']);
	const text = [
		'# Benchmarks',
		'',
		"Produced by `npm run bench` (bench/run.ts). All figures come from one run on one sandbox (in the bench process, no added latency); the package is the compiled code (`tsc -p tsconfig.build.json`), executed through n8n-core's WorkflowExecute like the tests. Ratios are ours ÷ baseline: lower is better.",
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
