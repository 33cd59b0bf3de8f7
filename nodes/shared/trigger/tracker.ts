import { has, idMap, MAX_ID_LENGTH, StateBounds } from './bounds';
import type { Budget } from './budget';
import type { Change, Gap, StatusSource, TrackerState } from './types';
import { refreshKnown, walkGap } from './walk';

/** How many of the newest ids mark where the next walk for new records stops. */
const HEAD_SIZE = 10;

function emptyState(kind: string): TrackerState {
	return { v: 1, kind, head: [], gaps: [], known: idMap() };
}

/** A deep copy whose `known` has no prototype, so any id is just a key. */
function copyState(s: TrackerState): TrackerState {
	const copy = JSON.parse(JSON.stringify(s)) as TrackerState;
	copy.known = idMap(copy.known);
	return copy;
}

/** The stored state if it belongs to this kind of watch, else a fresh one (which takes a new baseline). */
export function loadState(stored: unknown, kind: string): { state: TrackerState; fresh: boolean } {
	const s = stored as Partial<TrackerState> | undefined;
	if (s?.v === 1 && s.kind === kind && Array.isArray(s.head) && Array.isArray(s.gaps) && s.known) {
		return { state: copyState(s as TrackerState), fresh: false };
	}
	return { state: emptyState(kind), fresh: true };
}

/**
 * One poll: finds records created since the last poll (walking pages down to the
 * known head, or continuing walks an earlier poll could not finish), then reads
 * the current status of every tracked record. Returns the changes and the next
 * state; the caller stores the state only after the poll succeeded, so a failed
 * poll leaves the stored state as it was and the next poll retries the same window.
 *
 * On the first poll (`fresh`), existing records form the baseline and are
 * reported only when `emitExisting` is set.
 */
export async function pollChanges(
	source: StatusSource,
	stored: TrackerState,
	fresh: boolean,
	budget: Budget,
	emitExisting: boolean,
): Promise<{ state: TrackerState; changes: Change[]; notes: string[] }> {
	const state = copyState(stored);
	const bounds = new StateBounds(state.known);
	const changes: Change[] = [];
	const seen = new Set<string>();
	const register = (rows: Awaited<ReturnType<typeof walkGap>>['rows'], emit: boolean) => {
		for (const row of rows) {
			const id = source.idOf(row);
			const status = source.statusOf(row);
			if (has(state.known, id)) continue;
			if (emit) changes.push({ id, row, previousStatus: null, status });
			if (source.isTracked(status)) bounds.track(id, status);
		}
	};

	// New records at the top of the list, down to the head of the last poll.
	const top: Gap = { after: null, page: 1, stop: state.head, emit: fresh ? emitExisting : true };
	const walked = await walkGap(source, top, budget, seen);
	register(walked.rows, top.emit);
	const newestIds = walked.rows
		.map((row) => source.idOf(row))
		.filter((id) => id.length <= MAX_ID_LENGTH)
		.slice(0, HEAD_SIZE);
	if (walked.resume) state.gaps.unshift({ ...walked.resume, stop: state.head, emit: top.emit });
	state.head = [...newestIds, ...state.head].slice(0, HEAD_SIZE);

	// Stretches earlier polls could not finish.
	const gaps: Gap[] = [];
	for (const gap of state.gaps) {
		if (gap === state.gaps[0] && walked.resume) {
			gaps.push(gap);
			continue;
		}
		const result = budget.exhausted()
			? { rows: [], resume: { after: gap.after, page: gap.page } }
			: await walkGap(source, gap, budget, seen);
		register(result.rows, gap.emit);
		if (result.resume) gaps.push({ ...gap, ...result.resume });
	}
	state.gaps = gaps;

	// Status of every tracked record that was known before this poll.
	const before = idMap(stored.known);
	const observed = await refreshKnown(source, before, budget);
	for (const [id, row] of observed) {
		const status = source.statusOf(row);
		const previous = has(state.known, id) ? state.known[id] : before[id];
		if (status === previous) continue;
		changes.push({ id, row, previousStatus: previous, status });
		if (source.isTracked(status)) bounds.track(id, status);
		else bounds.drop(id);
	}
	return { state, changes, notes: bounds.list };
}
