import type { SimRequest, SimResponse } from '../types';
import { formatUsd, toCents } from './ledger';
import { orderFilter, tenantOrders } from './orders';
import type { OrderRecord, State, Tenant } from './model';

export const CSV_COLUMNS = [
	'orderNumber',
	'orderId',
	'createdAt',
	'status',
	'planName',
	'quantity',
	'unitPrice',
	'totalAmount',
	'currency',
	'customerEmail',
	'customerName',
	'phone',
	'iccids',
] as const;

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(order: OrderRecord): string[] {
	return [
		order.orderNumber,
		order.id,
		order.createdAt,
		order.status,
		order.planName,
		String(order.quantity),
		formatUsd(toCents(order.unitPrice)),
		formatUsd(toCents(order.totalAmount)),
		order.currency,
		order.customerEmail,
		order.customerName ?? '',
		order.phone ?? '',
		order.esims.map((esim) => esim.iccid).join(';'),
	];
}

/** The whole document: header row, one row per order, every line ending in CRLF. */
export function toCsv(orders: readonly OrderRecord[]): string {
	const lines = [[...CSV_COLUMNS], ...orders.map(row)];
	return lines.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}

/** `GET /orders/export?from=&to=&status=&email=`: CSV without the JSON envelope, newest first. */
export function exportOrders(state: State, tenant: Tenant, req: SimRequest): SimResponse {
	const orders = tenantOrders(state, tenant.id, orderFilter(req.query));
	const date = state.iso().slice(0, 10);
	return {
		status: 200,
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="orders-${date}.csv"`,
		},
		body: toCsv(orders),
	};
}
