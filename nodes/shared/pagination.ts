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
}

/**
 * Walks numbered pages in order until a short or empty page. Pages are fetched
 * one after another on purpose: on a newest-first list that grows during the
 * walk, rows only move towards later pages, so an in-order walk sees every row
 * at least once and de-duplication removes the repeats; out-of-order fetching
 * could miss a row that moved across a page boundary.
 */
export async function collectPages(options: CollectOptions): Promise<IDataObject[]> {
	const { limit, pageSize } = options;
	const seen = new Set<string>();
	const out: IDataObject[] = [];
	const maxPages = options.maxPages ?? 100_000;
	for (let page = 1; page <= maxPages; page++) {
		const wanted = limit === undefined ? pageSize : Math.min(pageSize, limit - out.length);
		const size = limit !== undefined && wanted < pageSize && page === 1 ? wanted : pageSize;
		const { rows, total } = await options.fetchPage(page, size);
		for (const row of rows) {
			const key = options.keyOf(row);
			if (key !== undefined) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			out.push(row);
			if (limit !== undefined && out.length >= limit) return out;
		}
		if (rows.length < size || (total !== undefined && page * size >= total)) break;
	}
	return out;
}
