// Progress lines: one line per step, with the time it took, and a clear failure message.
const t0 = Date.now();

export function fmt(ms) {
	if (ms < 1000) return `${ms} ms`;
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
	const s = Math.round(ms / 1000);
	return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

let quiet = false;
/** Silence progress lines (used by the e2e suite, which has its own reporter). */
export function setQuiet(value) {
	quiet = value;
}

export function info(message) {
	if (!quiet) process.stdout.write(`${message}\n`);
}

/** A failure that carries a human message (and optionally the tail of a log) for the user. */
export class StepError extends Error {
	constructor(message, details) {
		super(message);
		this.name = 'StepError';
		this.details = details;
	}
}

/**
 * Runs one step, printing `→ label (hint) …` before and `✔ label (12.3 s)` after.
 * A thrown error becomes `✘ label failed after …` and is rethrown as a StepError naming the step.
 */
export async function step(label, fn, hint) {
	const start = Date.now();
	info(`→ ${label}${hint ? ` (${hint})` : ''} …`);
	try {
		const result = await fn();
		const note =
			typeof result === 'object' && result && 'note' in result ? ` — ${result.note}` : '';
		info(`✔ ${label} (${fmt(Date.now() - start)})${note}`);
		return result;
	} catch (error) {
		info(`✘ ${label} failed after ${fmt(Date.now() - start)}`);
		if (error instanceof StepError) throw error;
		throw new StepError(`${label}: ${error?.message ?? error}`, error?.details);
	}
}

export function elapsed() {
	return fmt(Date.now() - t0);
}
