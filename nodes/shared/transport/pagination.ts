import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

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
	/** Guard against a provider that never returns a short page: more pages than this is an error (default 10,000). */
	maxPages?: number;
	/** Guard against unbounded memory: more rows than this is an error (default 1,000,000). */
	maxRows?: number;
	/** For errors: the node, the item, and what is read, e.g. `the eSIMTrade order list`. */
	node: INode;
	itemIndex?: number;
	what: string;
	/** Pages requested at once while the list holds still (default 4; 1 reads strictly one after another). */
	concurrency?: number;
	/** Output only rows this accepts (rows left out still count as read for the guards). */
	keep?(row: IDataObject): boolean;
	/** True when no later page can hold a row to keep (e.g. a newest-first list past a time window): reading stops. */
	stopAfter?(rows: IDataObject[]): boolean;
}

export const MAX_PAGES = 10_000;
export const MAX_ROWS = 1_000_000;

/** A short, stable fingerprint of a page's rows (to notice a page served twice). */
function fingerprint(rows: IDataObject[]): string {
	const text = JSON.stringify(rows);
	let hash = 2166136261;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
	return `${text.length}:${hash.toString(36)}`;
}

/**
 * Stops a listing that makes no progress, with an error that says so: a
 * provider that ignores the page number or serves a page again (two pages in a
 * row without a row not already read, or a page identical to an earlier one),
 * that returns more rows than the total it reports, or that never ends (more
 * than `maxPages` pages or `maxRows` rows).
 */
export class PageGuard {
	private requests = 0;

	private stale = 0;

	private readonly prints = new Map<string, number>();

	private maxTotal = 0;

	constructor(
		private readonly options: Pick<
			CollectOptions,
			'node' | 'itemIndex' | 'what' | 'maxPages' | 'maxRows' | 'pageSize'
		>,
	) {}

	private fail(message: string, description: string): never {
		throw new NodeOperationError(this.options.node, message, {
			itemIndex: this.options.itemIndex,
			description: `${description} Nothing was output for this item. Try again later; if it persists, tell the provider, or fetch fewer rows with a Limit.`,
		});
	}

	/** Checks one page: `fresh` is how many of its rows had not been read before; `collected` the rows kept so far. */
	accept(
		page: number,
		rows: IDataObject[],
		fresh: number,
		collected: number,
		total?: number,
	): void {
		const { what, pageSize } = this.options;
		const maxPages = this.options.maxPages ?? MAX_PAGES;
		const maxRows = this.options.maxRows ?? MAX_ROWS;
		this.requests++;
		if (total !== undefined) this.maxTotal = Math.max(this.maxTotal, total);
		if (rows.length) {
			const print = fingerprint(rows);
			const earlier = this.prints.get(print);
			if (earlier !== undefined && earlier !== page) {
				this.fail(
					`The provider returned the same rows for page ${page} as for page ${earlier} of ${what}`,
					'It seems to ignore the page number, so reading on would never end; reading was stopped.',
				);
			}
			this.prints.set(print, page);
		}
		this.stale = rows.length >= pageSize && fresh === 0 ? this.stale + 1 : 0;
		if (this.stale >= 2) {
			this.fail(
				`The provider returned only rows already read for ${this.stale} pages in a row of ${what} (up to page ${page})`,
				'It seems to ignore the page number or repeat pages, so reading on would never end; reading was stopped.',
			);
		}
		if (total !== undefined && collected > this.maxTotal + Math.ceil(pageSize / 10)) {
			this.fail(
				`The provider returned ${collected} rows of ${what} but reports a total of ${this.maxTotal}`,
				'It keeps sending rows beyond its own total, so reading on would never end; reading was stopped.',
			);
		}
		if (this.requests > maxPages || collected > maxRows) {
			this.fail(
				`Reading ${what} was stopped after ${this.requests} pages and ${collected} rows without reaching its end`,
				`A listing is read up to ${maxPages} pages or ${maxRows} rows, to keep the workflow's memory bounded.`,
			);
		}
	}
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
	const maxPages = options.maxPages ?? MAX_PAGES;
	const guard = new PageGuard(options);
	/** Adds a page's rows; true when the limit is reached or `stopAfter` ends the reading. */
	const take = (page: number, { rows, total }: Page): boolean => {
		let fresh = 0;
		let full = false;
		for (const row of rows) {
			const key = options.keyOf(row);
			if (key !== undefined) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			fresh++;
			if (options.keep && !options.keep(row)) continue;
			out.push(row);
			if (limit !== undefined && out.length >= limit) {
				full = true;
				break;
			}
		}
		if (!full) guard.accept(page, rows, fresh, out.length, total);
		return full || (options.stopAfter?.(rows) ?? false);
	};
	const size = limit !== undefined && limit < pageSize ? limit : pageSize;
	const isLast = (page: number, rows: IDataObject[], total?: number) =>
		rows.length < size || (total !== undefined && page * size >= total);

	const first = await options.fetchPage(1, size);
	if (take(1, first) || isLast(1, first.rows, first.total)) return out;
	let total = first.total;
	let inOrder = total === undefined || (options.concurrency ?? 4) <= 1;
	for (let page = 2; ;) {
		if (inOrder) {
			const result = await options.fetchPage(page, size);
			if (take(page, result) || isLast(page, result.rows, result.total)) break;
			page++;
			continue;
		}
		const lastPage = Math.ceil((total as number) / size);
		const needed = limit === undefined ? Infinity : Math.ceil((limit - out.length) / size);
		const count = Math.min(
			options.concurrency ?? 4,
			lastPage - page + 1,
			needed,
			Math.max(1, maxPages - page + 1),
		);
		if (count <= 0) break;
		const window = await Promise.all(
			Array.from({ length: count }, async (_, i) => await options.fetchPage(page + i, size)),
		);
		if (window.some((result) => result.total !== total)) {
			inOrder = true;
			continue;
		}
		let done = false;
		for (const [i, result] of window.entries()) {
			if (take(page + i, result) || isLast(page + i, result.rows, total)) {
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
