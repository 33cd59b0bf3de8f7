/**
 * The added latency a bench pass runs at. `npm run bench` makes one pass at 0 ms and one at
 * 80 ms (the sandbox's latency mode, a start option, so every provider request of the pass waits
 * that long); `BENCH_LATENCY=0` or `BENCH_LATENCY=80` runs one. At 80 ms a sequential walk is
 * bound by the round trip (1,000 sequential reads take 80 s), so the latency pass runs smaller
 * counts and fewer rounds, named in each scenario's title; `BENCH_FULL=1` runs the full counts.
 */
export interface Pass {
	/** Added to every provider request by the sandbox, ms. */
	latencyMs: number;
	/** True when counts are scaled down for this pass. */
	scaled: boolean;
}

export const DEFAULT_LATENCIES = [0, 80];

export function passes(): Pass[] {
	const latencies = process.env.BENCH_LATENCY
		? process.env.BENCH_LATENCY.split(',').map(Number)
		: DEFAULT_LATENCIES;
	for (const ms of latencies)
		if (!Number.isFinite(ms) || ms < 0) throw new Error(`BENCH_LATENCY: ${ms} is not a delay`);
	const full = process.env.BENCH_FULL === '1';
	return latencies.map((latencyMs) => ({ latencyMs, scaled: latencyMs > 0 && !full }));
}

/** `full` on a pass without latency (or with BENCH_FULL=1), else `atLatency`. */
export function count(pass: Pass, full: number, atLatency: number): number {
	return pass.scaled ? atLatency : full;
}

/** ", 0 ms" / ", 80 ms (scaled from 50,000)": appended to a scenario's title. */
export function label(pass: Pass, full?: number, used?: number): string {
	const scaledFrom =
		pass.scaled && full !== undefined && used !== undefined && used !== full
			? ` (scaled from ${full.toLocaleString('en')})`
			: '';
	return `, ${pass.latencyMs} ms latency${scaledFrom}`;
}
