import type { IDataObject } from 'n8n-workflow';

export interface Page {
	rows: IDataObject[];
	/** Total the provider reports, when it does. */
	total?: number;
}

export interface CollectOptions {
	fetchPage(page: number, pageSize: number): Promise<Page>;
	/** Identity of a row: lists that are newest first shift while new rows arrive, so rows are de-duplicated. */
	keyOf(row: IDataObject): string | undefined;
	/** Stop after this many rows; undefined for all. */
	limit?: number;
	pageSize: number;
	/** Guard against a provider that never returns a short page. */
	maxPages?: number;
	/** Pages requested at once while the list holds still (default 4; 1 reads strictly one after another). */
	concurrency?: number;
}

/**
 * Reads numbered pages until a short page or the reported total. While the
 * total stays the same, pages are requested several at a time. When the total
 * changes (new rows arriving on a newest-first list), rows shift towards later
 * pages, and pages read out of order could miss a row crossing a boundary: that
 * window is dropped and the rest is read strictly in order, which sees every row
 * at least once; de-duplication removes the repeats.
 */
export async function collectPages(options: CollectOptions): Promise<IDataObject[]> {
	const { limit, pageSize } = options;
	const seen = new Set<string>();
	const out: IDataObject[] = [];
	const maxPages = options.maxPages ?? 100_000;
	/** Adds a page's rows; true when the limit is reached. */
	const take = (rows: IDataObject[]): boolean => {
		for (const row of rows) {
			const key = options.keyOf(row);
			if (key !== undefined) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			out.push(row);
			if (limit !== undefined && out.length >= limit) return true;
		}
		return false;
	};
	const size = limit !== undefined && limit < pageSize ? limit : pageSize;
	const isLast = (page: number, rows: IDataObject[], total?: number) =>
		rows.length < size || (total !== undefined && page * size >= total);

	const first = await options.fetchPage(1, size);
	if (take(first.rows) || isLast(1, first.rows, first.total)) return out;
	let total = first.total;
	let inOrder = total === undefined || (options.concurrency ?? 4) <= 1;
	for (let page = 2; page <= maxPages; ) {
		if (inOrder) {
			const { rows, total: now } = await options.fetchPage(page, size);
			if (take(rows) || isLast(page, rows, now)) break;
			page++;
			continue;
		}
		const lastPage = Math.ceil((total as number) / size);
		const needed = limit === undefined ? Infinity : Math.ceil((limit - out.length) / size);
		const count = Math.min(options.concurrency ?? 4, lastPage - page + 1, needed, maxPages - page + 1);
		if (count <= 0) break;
		const window = await Promise.all(Array.from({ length: count }, async (_, i) => await options.fetchPage(page + i, size)));
		if (window.some((result) => result.total !== total)) {
			inOrder = true;
			continue;
		}
		let done = false;
		for (const [i, result] of window.entries()) {
			if (take(result.rows) || isLast(page + i, result.rows, total)) {
				done = true;
				break;
			}
		}
		if (done) break;
		page += count;
		total = window[window.length - 1].total;
	}
	return out;
}
