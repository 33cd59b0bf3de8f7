import { readFileSync, writeFileSync } from 'node:fs';

/** Wall time and memory of one operation inside a bench child process. */
export interface Measured<T> {
	value: T;
	ms: number;
	/** CPU time (user + system) this process spent during the operation. */
	cpuMs: number;
	/** RSS just before the operation (after a GC when `--expose-gc` is on), MiB. */
	rssBeforeMiB: number;
	/** Peak RSS while the operation ran, MiB (the kernel's high-water mark, reset just before). */
	rssPeakMiB: number;
	/** How the peak was taken: `VmHWM` (reset via clear_refs) or `maxrss` (peak since the process started). */
	peakSource: 'VmHWM' | 'maxrss';
}

const MiB = 1024 * 1024;

export function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** Resets the kernel's peak-RSS mark of this process (Linux); false where that is not possible. */
function resetPeak(): boolean {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

function peakBytes(fromKernel: boolean): number {
	if (fromKernel) {
		const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
		if (line) return Number(line[1]) * 1024;
	}
	return process.resourceUsage().maxRSS * 1024;
}

/**
 * Times an operation and takes its peak RSS without sampling (a sampler would
 * cost CPU inside the measurement): the kernel's high-water mark is reset
 * before the operation and read after it.
 */
export async function measure<T>(operation: () => Promise<T>): Promise<Measured<T>> {
	collectGarbage();
	const rssBefore = process.memoryUsage.rss();
	const kernel = resetPeak();
	const cpu = process.cpuUsage();
	const started = performance.now();
	const value = await operation();
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	return {
		value,
		ms,
		cpuMs: (used.user + used.system) / 1000,
		rssBeforeMiB: rssBefore / MiB,
		rssPeakMiB: peakBytes(kernel) / MiB,
		peakSource: kernel ? 'VmHWM' : 'maxrss',
	};
}
