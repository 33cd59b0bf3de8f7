/**
 * `npm run bench:profile`: the bench's node contenders under `--cpu-prof`, and
 * their top frames by self time, counted only while the timed run was going
 * (the warm-up and module loading are left out). Two paths:
 * - Return All: `returnAll.child.ts node`, Order → Get Many, Return All of 50,000 orders;
 * - per item: `items.child.ts node`, Wallet → Get Balance on 1,000 input items.
 * Profiles are kept in bench/.out/profiles (open them in Chrome DevTools).
 * `BENCH_LATENCY=80` profiles at 80 ms; `PROFILE_TOP=n` lists n frames (default 15).
 */
import '../test/setup-env';

import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox';
import { runChild } from './lib/child';
import { buildDist } from './lib/ours';
import { summarise, type Profile } from './lib/profileSummary';

const OUT = join(__dirname, '.out', 'profiles');
const TOP = Number(process.env.PROFILE_TOP ?? 15);

interface Marks {
	ms: number;
	runStartedUs: number;
	runEndedUs: number;
}

async function profiled(name: string, script: string, args: string[]): Promise<void> {
	const dir = join(OUT, name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const marks = await runChild<Marks>(script, args, [
		'--expose-gc',
		'--cpu-prof',
		`--cpu-prof-dir=${dir}`,
	]);
	const file = readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'));
	if (!file) throw new Error(`no profile written in ${dir}`);
	const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
	const summary = summarise(profile, marks.runStartedUs, marks.runEndedUs, TOP);
	process.stdout.write(
		`\n## ${name}: timed run ${marks.ms.toFixed(0)} ms, ${summary.sampledMs.toFixed(0)} ms sampled (${join('bench/.out/profiles', name, file)})\n\n${summary.text}\n`,
	);
}

async function main(): Promise<void> {
	const latencyMs = Number(process.env.BENCH_LATENCY ?? 0);
	process.stdout.write('Compiling the package (tsc -p tsconfig.build.json → bench/.out/dist)\n');
	buildDist();
	const sandbox = await startSandbox({ port: 0, seed: 1, latencyMs });
	try {
		sandbox.trade.seedOrders(50_000);
		await profiled('return-all-50000', 'scenarios/returnAll.child.ts', [
			'node',
			sandbox.tradeBaseUrl,
		]);
		await profiled('balance-reads-1000', 'scenarios/items.child.ts', [
			'node',
			sandbox.tradeBaseUrl,
			'1000',
		]);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
