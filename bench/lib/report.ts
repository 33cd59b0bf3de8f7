/** One line of the results table: our figure, a baseline's, their ratio and the target. */
export interface Row {
	scenario: string;
	metric: string;
	ours: string;
	baseline: string;
	theirs: string;
	/** ours ÷ theirs (lower is better), when the two are comparable. */
	ratio?: number;
	/** Highest acceptable ratio. */
	target?: number;
	/** A target that is not a ratio, e.g. zero failures. */
	goal?: { text: string; met: boolean };
}

export interface Section {
	title: string;
	rows: Row[];
	/** Lines shown under the table: per-contender figures, definitions, what was measured. */
	notes: string[];
}

export const fmt = {
	ms: (ms: number) =>
		ms >= 10_000
			? `${(ms / 1000).toFixed(1)} s`
			: ms >= 1000
				? `${(ms / 1000).toFixed(2)} s`
				: `${ms.toFixed(ms < 10 ? 2 : 0)} ms`,
	mib: (mib: number) => `${mib.toFixed(1)} MiB`,
	bytes: (bytes: number) =>
		bytes >= 1024 * 1024
			? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
			: bytes >= 1024
				? `${(bytes / 1024).toFixed(1)} KiB`
				: `${bytes} B`,
	ratio: (ratio: number) => `${ratio.toFixed(2)}×`,
};

/** "met", or how far the ratio is over the target. */
export function verdict(row: Row): string {
	if (row.goal) return row.goal.met ? `met (${row.goal.text})` : `**missed** (${row.goal.text})`;
	if (row.ratio === undefined || row.target === undefined) return '—';
	if (row.ratio <= row.target) return `met (≤ ${row.target}×)`;
	return `**missed** (≤ ${row.target}×): ${fmt.ratio(row.ratio)}, ${((row.ratio / row.target - 1) * 100).toFixed(0)}% over`;
}

export function table(rows: Row[]): string {
	const head = '| Scenario | Metric | Ours | Baseline | Baseline figure | Ratio | Target |';
	const rule = '|---|---|---|---|---|---|---|';
	const body = rows.map(
		(row) =>
			`| ${row.scenario} | ${row.metric} | ${row.ours} | ${row.baseline} | ${row.theirs} | ${row.ratio === undefined ? '—' : fmt.ratio(row.ratio)} | ${verdict(row)} |`,
	);
	return [head, rule, ...body].join('\n');
}

/** The table for the terminal: fixed-width columns, no Markdown. */
export function plainTable(rows: Row[]): string {
	const cells = rows.map((row) => [
		row.scenario,
		row.metric,
		row.ours,
		row.baseline,
		row.theirs,
		row.ratio === undefined ? '—' : fmt.ratio(row.ratio),
		verdict(row).replace(/\*\*/g, ''),
	]);
	const all = [
		['Scenario', 'Metric', 'Ours', 'Baseline', 'Baseline figure', 'Ratio', 'Target'],
		...cells,
	];
	const widths = all[0].map((_, i) => Math.max(...all.map((line) => line[i].length)));
	return all.map((line) => line.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
}
