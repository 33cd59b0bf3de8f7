import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { measure } from './measure';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/**
 * Runs `bench/<script>` in its own Node process (so its memory is its own) and
 * returns the JSON object it prints as the last line of stdout. With `nodeFlags`
 * (e.g. `--cpu-prof`), the script runs as `node <flags> --import tsx <script>`, so
 * the flags reach the process that runs the contender, not tsx's launcher.
 */
export async function runChild<T>(
	script: string,
	args: string[],
	nodeFlags?: string[],
): Promise<T> {
	const file = join(ROOT, 'bench', script);
	const [command, argv] = nodeFlags
		? [process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args]]
		: [TSX, [file, ...args]];
	const child = spawn(command, argv, {
		cwd: ROOT,
		env: {
			...process.env,
			NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim(),
			NO_PROXY: '127.0.0.1,localhost',
			no_proxy: '127.0.0.1,localhost',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const last = stdout
		.trim()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.pop();
	if (code !== 0 || !last) {
		const noise = stderr
			.split('\n')
			.filter((line) => !/ExperimentalWarning|--trace-warnings/.test(line))
			.join('\n');
		throw new Error(`${script} ${args.join(' ')} exited with ${code}: ${noise.slice(-2000)}`);
	}
	return JSON.parse(last) as T;
}

/** A benchmark contender inside a child process: prepared, warmed up, then timed once. */
export interface Contender<T> {
	warmUp(): Promise<unknown>;
	run(): Promise<T>;
}

export type ContenderFactory<T> = (args: string[]) => Promise<Contender<T>>;

/**
 * The body of every `*.child.ts`: `<contender> ...args` on the command line;
 * builds the contender, warms it up, measures `run()` and prints
 * `{ contender, ms, cpuMs, rss…, ...summary(value) }` as the line the parent reads.
 */
export function contenderMain<T>(
	factories: Record<string, ContenderFactory<T>>,
	summary: (value: T) => object,
): void {
	const [name, ...args] = process.argv.slice(2);
	const main = async () => {
		const factory = factories[name];
		if (!factory) throw new Error(`Unknown contender ${name}`);
		const contender = await factory(args);
		await contender.warmUp();
		// Monotonic clock in µs, the clock of V8's CPU profiles: lets bench/profile.ts keep only the timed run.
		const runStartedUs = Number(process.hrtime.bigint() / 1000n);
		const { value, ...figures } = await measure(async () => await contender.run());
		const runEndedUs = Number(process.hrtime.bigint() / 1000n);
		const line = { contender: name, ...figures, runStartedUs, runEndedUs, ...summary(value) };
		process.stdout.write(`${JSON.stringify(line)}\n`);
	};
	main().catch((error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	});
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
