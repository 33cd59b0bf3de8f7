import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function version(pkg: string): string {
	try {
		return (require(join(ROOT, 'node_modules', pkg, 'package.json')) as { version: string })
			.version;
	} catch {
		return 'not installed';
	}
}

/** The commit measured, and any uncommitted change to the shipped code (which the bench compiles too). */
function commit(): string {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
			.toString()
			.trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], {
			cwd: ROOT,
		})
			.toString()
			.split('\n')
			.filter(Boolean)
			.map((line) => line.slice(3));
		return dirty.length ? `${head} plus uncommitted changes to ${dirty.join(', ')}` : head;
	} catch {
		return 'unknown';
	}
}

export const load = (): string =>
	loadavg()
		.map((value) => value.toFixed(2))
		.join(' / ');

/** CPU ticks: busy time of the whole machine (/proc/stat) and of this process with its finished children (/proc/self/stat). */
function ticks(): { machine: number; own: number } | undefined {
	try {
		const cpu = readFileSync('/proc/stat', 'utf8')
			.split('\n')[0]
			.trim()
			.split(/\s+/)
			.slice(1)
			.map(Number);
		// user nice system idle iowait irq softirq steal
		const machineBusy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + (cpu[7] ?? 0);
		const self = readFileSync('/proc/self/stat', 'utf8');
		const fields = self
			.slice(self.lastIndexOf(')') + 2)
			.split(' ')
			.map(Number);
		// utime stime cutime cstime are fields 14–17 of the file, 12–15 after "(comm) state"
		return { machine: machineBusy, own: fields[11] + fields[12] + fields[13] + fields[14] };
	} catch {
		return undefined;
	}
}

/**
 * Measures how much CPU other processes took while the bench ran (the load
 * average cannot tell: the bench itself keeps the cores busy). Returns a
 * closing function giving that share of the machine's CPU, 0..1.
 */
export function otherCpuShare(): () => number | undefined {
	const start = ticks();
	const started = Date.now();
	return () => {
		const end = ticks();
		if (!start || !end) return undefined;
		const others = end.machine - start.machine - (end.own - start.own);
		// 100 ticks per second (USER_HZ) on Linux.
		return Math.max(0, others / 100 / (((Date.now() - started) / 1000) * cpus().length));
	};
}

/** What the figures were measured on. */
export function machine(): string[] {
	const cpu = cpus();
	const own = require(join(ROOT, 'package.json')) as { name: string; version: string };
	return [
		`- Started: ${new Date().toISOString()}`,
		`- Machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ${type()}`,
		`- Node ${process.version}; ${own.name} ${own.version} (commit ${commit()}); n8n-core ${version('n8n-core')}, n8n-workflow ${version('n8n-workflow')}, n8n-nodes-base ${version('n8n-nodes-base')}, ky ${version('ky')}, typescript ${version('typescript')}`,
	];
}
