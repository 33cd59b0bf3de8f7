import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function version(pkg: string): string {
	try {
		return (require(join(ROOT, 'node_modules', pkg, 'package.json')) as { version: string }).version;
	} catch {
		return 'not installed';
	}
}

/** The commit measured, and any uncommitted change to the shipped code (which the bench compiles too). */
function commit(): string {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], { cwd: ROOT })
			.toString()
			.split('\n')
			.filter(Boolean)
			.map((line) => line.slice(3));
		return dirty.length ? `${head} plus uncommitted changes to ${dirty.join(', ')}` : head;
	} catch {
		return 'unknown';
	}
}

export const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' / ');

/** Whether other work kept the cores busy: a 1-minute load average above half the cores. */
export const busy = (): boolean => loadavg()[0] > cpus().length / 2;

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
