import type { IDataObject } from 'n8n-workflow';

import { collectPages, type Page } from '../../shared/transport/pagination';
import type { RequestContext } from '../../shared/transport/types';
import { distributeGet, rowsOf } from './index';

/** The two paginated eSIM Distribute lists. */
export type DistributeList = 'orders' | 'transactions';

const PAGE_SIZE = 100;

/** One page of `/api/tenant/<list>`; `last` is set when the answer shows no further page (or no paging at all). */
export async function fetchListPage(
	ctx: RequestContext,
	list: DistributeList,
	filters: IDataObject,
	page: number,
	limit: number,
	itemIndex?: number,
): Promise<Page & { last: boolean }> {
	const data = await distributeGet(
		ctx,
		`/api/tenant/${list}`,
		{ ...filters, page, limit },
		itemIndex,
		{ size: 'page' },
	);
	const rows = rowsOf(data, list);
	const paging = data.pagination as IDataObject | undefined;
	const total = Number(paging?.total);
	const totalPages = Number(paging?.totalPages);
	const last = !paging || (Number.isFinite(totalPages) && page >= totalPages);
	return { rows, total: Number.isFinite(total) ? total : undefined, last };
}

/**
 * Every row (or up to `limit`), newest first without repeats. A provider that
 * ignores paging and returns the whole list is read once.
 */
export async function listAll(
	ctx: RequestContext,
	list: DistributeList,
	filters: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	let done = false;
	return await collectPages({
		node: ctx.getNode(),
		itemIndex,
		what: `the eSIM Distribute ${list === 'orders' ? 'order' : 'transaction'} list`,
		pageSize: PAGE_SIZE,
		limit,
		keyOf: (row) => (row.id === undefined ? undefined : String(row.id)),
		fetchPage: async (page, size) => {
			if (done) return { rows: [] };
			const result = await fetchListPage(ctx, list, filters, page, size, itemIndex);
			done = result.last;
			return result;
		},
	});
}
