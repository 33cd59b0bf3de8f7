import type { IDataObject } from 'n8n-workflow';

import { has } from './bounds';
import { PageGuard } from '../transport/pagination';

import type { Budget } from './budget';
import type { Gap, StatusSource } from './types';

/** A short page, or the reported total reached: no need to ask for the next (empty) page. */
function isLastPage(source: StatusSource, page: number, count: number, total?: number): boolean {
	return count < source.pageSize || (total !== undefined && page * source.pageSize >= total);
}

export interface WalkResult {
	/** New rows, newest first. */
	rows: IDataObject[];
	/** Where to carry on when the budget ran out; undefined when the stretch was finished. */
	resume?: { after: string | null; page: number };
}

/**
 * Walks the unfiltered list from `gap.page`, skipping rows up to `gap.after`, and
 * collects rows until one of `gap.stop` or the end of the list. Rows only move
 * towards later pages while new records arrive, so an anchor is always found at
 * or after the page it was last seen on, and a row seen twice is skipped.
 */
export async function walkGap(
	source: StatusSource,
	gap: Gap,
	budget: Budget,
	seen: Set<string>,
): Promise<WalkResult> {
	const stop = new Set(gap.stop);
	const rows: IDataObject[] = [];
	let started = gap.after === null;
	let last = gap.after;
	const guard = new PageGuard(source);
	const walked = new Set<string>();
	for (let page = gap.page; ; page++) {
		if (budget.exhausted())
			return { rows, resume: { after: last, page: Math.max(gap.page, page - 1) } };
		const { rows: pageRows, total } = await source.fetchPage(page);
		const before = walked.size;
		for (const row of pageRows) walked.add(source.idOf(row));
		guard.accept(
			page,
			pageRows,
			walked.size - before,
			walked.size,
			total === undefined ? undefined : total - (gap.page - 1) * source.pageSize,
		);
		for (const row of pageRows) {
			const id = source.idOf(row);
			if (!started) {
				started = id === gap.after;
				continue;
			}
			if (stop.has(id)) return { rows };
			if (seen.has(id)) continue;
			seen.add(id);
			rows.push(row);
			last = id;
		}
		if (isLastPage(source, page, pageRows.length, total)) return { rows };
	}
}

/**
 * Reads the current rows of the given known records through their status lists
 * (one list per status: few requests when little changed), then looks up each
 * record that left its list. Records whose status list could not be read in the
 * budget are left for the next poll.
 */
export async function refreshKnown(
	source: StatusSource,
	known: Record<string, string>,
	budget: Budget,
): Promise<Map<string, IDataObject>> {
	const byStatus = new Map<string, string[]>();
	for (const [id, status] of Object.entries(known)) {
		const ids = byStatus.get(status) ?? [];
		ids.push(id);
		byStatus.set(status, ids);
	}
	const observed = new Map<string, IDataObject>();
	const missing: string[] = [];
	for (const [status, ids] of [...byStatus].sort((a, b) => b[1].length - a[1].length)) {
		if (budget.exhausted()) break;
		const listed = new Set<string>();
		const guard = new PageGuard(source);
		for (let page = 1; ; page++) {
			const { rows, total } = await source.fetchPage(page, status);
			const before = listed.size;
			for (const row of rows) listed.add(source.idOf(row));
			guard.accept(page, rows, listed.size - before, listed.size, total);
			for (const row of rows) {
				const id = source.idOf(row);
				listed.add(id);
				if (has(known, id)) observed.set(id, row);
			}
			if (isLastPage(source, page, rows.length, total) || budget.exhausted()) break;
		}
		for (const id of ids) if (!listed.has(id)) missing.push(id);
	}
	for (const id of missing) {
		if (observed.has(id)) continue;
		if (budget.exhausted()) break;
		const row = await source.lookup(id);
		if (row) observed.set(id, row);
	}
	return observed;
}
