import type { IDataObject } from 'n8n-workflow';

import { collectPages } from '../../shared/transport/pagination';
import type { RequestOptions } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { tradeGet } from './index';

/** The two paginated eSIMTrade lists. */
export type TradeList = 'orders' | 'esims';

const PAGE_SIZE = 100;

const keyOf: Record<TradeList, (row: IDataObject) => string | undefined> = {
	orders: (row) => (row.providerOrderNo === undefined ? undefined : String(row.providerOrderNo)),
	esims: (row) => {
		const raw = (row.rawOrderJson ?? {}) as IDataObject;
		const iccid = row.iccid ?? raw.iccid;
		return iccid
			? String(iccid)
			: row.providerOrderNo === undefined
				? undefined
				: `${String(row.providerOrderNo)}`;
	},
};

/** One page of `/reseller/orders` or `/reseller/esims`. */
export async function fetchListPage(
	ctx: RequestContext,
	list: TradeList,
	filters: IDataObject,
	page: number,
	pageSize: number,
	itemIndex?: number,
	options?: RequestOptions,
): Promise<{ rows: IDataObject[]; total?: number }> {
	const qs: IDataObject = { page, pageSize };
	if (filters.status) qs.status = filters.status;
	if (list === 'orders' && filters.q) qs.q = filters.q;
	const body = await tradeGet(ctx, `/reseller/${list}`, qs, itemIndex, {
		...options,
		size: 'page',
	});
	const rows = Array.isArray(body[list]) ? (body[list] as IDataObject[]) : [];
	const total = Number(body.total);
	return { rows, total: Number.isFinite(total) ? total : undefined };
}

/** Narrows a listing: output only rows `keep` accepts; stop once `stopAfter` says no later page can hold one. */
export interface ListNarrowing {
	keep(row: IDataObject): boolean;
	stopAfter(rows: IDataObject[]): boolean;
}

/** Every row (or up to `limit`), walking pages newest first without repeats. */
export async function listAll(
	ctx: RequestContext,
	list: TradeList,
	filters: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
	narrowing?: ListNarrowing,
): Promise<IDataObject[]> {
	return await collectPages({
		...narrowing,
		node: ctx.getNode(),
		itemIndex,
		what: `the eSIMTrade ${list === 'orders' ? 'order' : 'eSIM'} list`,
		pageSize: PAGE_SIZE,
		limit,
		keyOf: keyOf[list],
		fetchPage: async (page, size) => await fetchListPage(ctx, list, filters, page, size, itemIndex),
	});
}
