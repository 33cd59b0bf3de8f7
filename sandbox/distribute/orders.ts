import type { SimRequest, SimResponse } from '../types';
import { ApiError, ok } from './envelope';
import {
	ORDER_STATUSES,
	type Order,
	type OrderRecord,
	type OrderStatus,
	type State,
	type Tenant,
} from './model';
import { invalid, isoDate, optionalOneOf, paginate, sameEmail } from './validate';

/** An order as the API shows it. */
export function orderView(record: OrderRecord): Order {
	const { tenantId, origin, createdMs, seq, dueAt, charged, refunded, ...view } = record;
	return view;
}

/** An order with its QR payload: the first eSIM's activation code, null until fulfilled. */
export function orderDetailView(record: OrderRecord): Order & { qrCode: string | null } {
	return { ...orderView(record), qrCode: record.esims[0]?.activationCode ?? null };
}

export interface OrderFilter {
	status?: OrderStatus;
	email?: string;
	/** Inclusive lower bound (epoch ms). */
	fromMs?: number;
	/** Exclusive upper bound (epoch ms). */
	toMs?: number;
}

const DAY_MS = 86_400_000;

/** The `status`, `email`, `from` and `to` query filters (dates are whole UTC days, `to` inclusive). */
export function orderFilter(query: Record<string, string>): OrderFilter {
	const fromMs = isoDate(query.from, 'from');
	const toDay = isoDate(query.to, 'to');
	if (fromMs !== undefined && toDay !== undefined && fromMs > toDay) {
		invalid('from must not be after to');
	}
	return {
		status: optionalOneOf(query.status, 'status', ORDER_STATUSES),
		email: query.email || undefined,
		fromMs,
		toMs: toDay === undefined ? undefined : toDay + DAY_MS,
	};
}

/** A tenant's orders matching the filter, newest first. */
export function tenantOrders(
	state: State,
	tenantId: string,
	filter: OrderFilter = {},
): OrderRecord[] {
	return state.orders.filter(
		(o) =>
			o.tenantId === tenantId &&
			(filter.status === undefined || o.status === filter.status) &&
			(filter.email === undefined || sameEmail(o.customerEmail, filter.email)) &&
			(filter.fromMs === undefined || o.createdMs >= filter.fromMs) &&
			(filter.toMs === undefined || o.createdMs < filter.toMs),
	);
}

/** `GET /orders?page=&limit=&status=&email=&from=&to=`. */
export function listOrders(state: State, tenant: Tenant, req: SimRequest): SimResponse {
	const { items, pagination } = paginate(
		tenantOrders(state, tenant.id, orderFilter(req.query)),
		req.query,
	);
	return ok({ orders: items.map(orderView), pagination }, 'Orders retrieved');
}

/** `GET /orders/:orderId`. */
export function getOrder(state: State, tenant: Tenant, id: string): SimResponse {
	const order = state.orderIndex.get(id);
	if (!order || order.tenantId !== tenant.id)
		throw new ApiError('NOT_FOUND', `Order ${id} not found`);
	return ok(orderDetailView(order), 'Order retrieved');
}
