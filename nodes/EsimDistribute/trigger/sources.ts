import { isTrackedFor, type TrackMode } from '../../shared/trigger/statusEvents';
import type { StatusSource } from '../../shared/trigger/types';
import type { RequestContext } from '../../shared/transport/types';
import { distributeClient } from '../transport/client';

const PAGE_SIZE = 100;

/** Order statuses after which an eSIM Distribute order does not change any more. */
const FINAL = new Set(['completed', 'failed', 'refunded', 'cancelled', 'canceled']);

/** `/api/tenant/orders`, newest first, filtered by status when asked; a record that left its list is read by id. */
export function orderSource(ctx: RequestContext, mode: TrackMode): StatusSource {
	const client = distributeClient(ctx);
	return {
		node: ctx.getNode(),
		what: 'the eSIM Distribute order list',
		pageSize: PAGE_SIZE,
		fetchPage: async (page, status) => {
			const result = await client.orders(page, PAGE_SIZE, status ? { status } : {});
			// A provider that ignores paging returns everything at once: that page is the last.
			return {
				rows: result.rows,
				total: result.last ? (page - 1) * PAGE_SIZE + result.rows.length : result.total,
			};
		},
		idOf: (row) => String(row.id ?? row.orderId ?? row.orderNumber ?? ''),
		statusOf: (row) => String(row.status ?? '').toLowerCase(),
		lookup: async (id) => {
			const order = await client.order(id, { allowStatus: [404] });
			return order.id || order.status ? order : undefined;
		},
		isTracked: (status) => isTrackedFor(mode, status, FINAL),
	};
}
