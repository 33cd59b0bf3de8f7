/**
 * The figures the queue suite measures (orders vs deliveries, sign-ins, trigger events, the crash), printed
 * at the end of the run and written to QUEUE_FIGURES_FILE when set, so a reader sees the numbers and not
 * only "passed".
 */
import { writeFileSync } from 'node:fs';

const figures: Record<string, unknown> = {};

export function record(name: string, value: unknown): void {
	figures[name] = value;
}

export function printFigures(): void {
	const text = Object.entries(figures)
		.map(
			([name, value]) => `  ${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
		)
		.join('\n');
	process.stdout.write(`\nQueue-mode figures\n${text}\n`);
	if (process.env.QUEUE_FIGURES_FILE)
		writeFileSync(process.env.QUEUE_FIGURES_FILE, JSON.stringify(figures, null, 2));
}
