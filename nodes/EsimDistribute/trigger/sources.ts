import type { IDataObject } from 'n8n-workflow';

import { isTrackedFor, type TrackMode } from '../../shared/trigger/statusEvents';
import type { StatusSource } from '../../shared/trigger/types';
import type { RequestContext } from '../../shared/transport/types';
import { distributeGet } from '../transport';
import { fetchListPage } from '../transport/list';

const PAGE_SIZE = 100;

/** Order statuses after which an eSIM Distribute order does not change any more. */
const FINAL = new Set(['completed', 'failed', 'refunded', 'cancelled', 'canceled']);

/** The order inside a `GET /orders/:id` answer (bare, or under `order`). */
export function orderOf(data: IDataObject): IDataObject {
	const nested = data.order;
	return nested && typeof nested === 'object' && !Array.isArray(nested)
		? (nested as IDataObject)
		: data;
}

/** `/api/tenant/orders`, newest first, filtered by status when asked; a record that left its list is read by id. */
export function orderSource(ctx: RequestContext, mode: TrackMode): StatusSource {
	return {
		node: ctx.getNode(),
		what: 'the eSIM Distribute order list',
		pageSize: PAGE_SIZE,
		fetchPage: async (page, status) => {
			const result = await fetchListPage(ctx, 'orders', status ? { status } : {}, page, PAGE_SIZE);
			// A provider that ignores paging returns everything at once: that page is the last.
			return {
				rows: result.rows,
				total: result.last ? (page - 1) * PAGE_SIZE + result.rows.length : result.total,
			};
		},
		idOf: (row) => String(row.id ?? row.orderId ?? row.orderNumber ?? ''),
		statusOf: (row) => String(row.status ?? '').toLowerCase(),
		lookup: async (id) => {
			const data = await distributeGet(
				ctx,
				`/api/tenant/orders/${encodeURIComponent(id)}`,
				undefined,
				undefined,
				{
					allowStatus: [404],
				},
			);
			const order = orderOf(data);
			return order.id || order.status ? order : undefined;
		},
		isTracked: (status) => isTrackedFor(mode, status, FINAL),
	};
}
