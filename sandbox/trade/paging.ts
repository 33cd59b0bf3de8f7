export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Paging {
	page: number;
	pageSize: number;
}

function positiveInt(raw: string | undefined): number | undefined {
	if (raw === undefined || raw.trim() === '') return undefined;
	const n = Number(raw);
	if (!Number.isFinite(n) || n < 1) return undefined;
	return Math.floor(n);
}

/** `page` defaults to 1; `pageSize` defaults to 20 and is capped at 100; invalid values fall back to the defaults. */
export function parsePaging(query: Record<string, string>): Paging {
	return {
		page: positiveInt(query.page) ?? 1,
		pageSize: Math.min(positiveInt(query.pageSize) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
	};
}

/**
 * One page of rows over `items` (stored oldest first), newest first. Each item
 * contributes `count(item)` rows (0 when filtered out); `build` makes only the
 * rows on the requested page. A page past the end is empty, with the real total.
 */
export function pageNewestFirst<T, R>(
	items: readonly T[],
	paging: Paging,
	count: (item: T) => number,
	build: (item: T, index: number) => R,
): { total: number; rows: R[] } {
	const start = (paging.page - 1) * paging.pageSize;
	const end = start + paging.pageSize;
	const rows: R[] = [];
	let total = 0;
	for (let i = items.length - 1; i >= 0; i--) {
		const item = items[i] as T;
		const n = count(item);
		for (let k = 0; k < n; k++) {
			if (total >= start && total < end) rows.push(build(item, k));
			total++;
		}
	}
	return { total, rows };
}
