import { newOrder } from './checkout';
import { ApiError } from './envelope';
import { makeEsims } from './fulfilment';
import { availablePlans } from './plans';
import { ORDER_STATUSES, type OrderRecord, type OrderStatus, type State } from './model';
import { oneOf } from './validate';

export interface SeedOrderOptions {
	/** Status of every seeded order. Default `completed` (with eSIMs). */
	status?: OrderStatus;
	/** Owner. Default the demo tenant. */
	tenantId?: string;
	/** Customer e-mail. Default `customer<i>@example.com`, cycling over 50 addresses. */
	email?: string;
	/** Gap between consecutive seeded orders; the newest is one gap before now. Default 60 s. */
	spacingMs?: number;
	/** Origin used in QR image URLs. Default `http://127.0.0.1`. */
	origin?: string;
}

/**
 * Adds `n` historical orders without touching any balance or ledger; they never
 * fulfil automatically. Plans and quantities (1-3) cycle through the catalog.
 */
export function seedOrders(state: State, n: number, opts: SeedOrderOptions = {}): OrderRecord[] {
	const status =
		opts.status === undefined ? 'completed' : oneOf(opts.status, 'status', ORDER_STATUSES);
	const tenantId = opts.tenantId ?? state.demoTenantId;
	if (!state.tenants.has(tenantId)) throw new ApiError('NOT_FOUND', `Tenant ${tenantId} not found`);
	const plans = availablePlans(state);
	const spacingMs = opts.spacingMs ?? 60_000;
	const origin = opts.origin ?? 'http://127.0.0.1';
	const now = state.now();
	const records: OrderRecord[] = [];
	for (let i = 0; i < n; i++) {
		const createdMs = now - (n - i) * spacingMs;
		const order = newOrder(
			state,
			tenantId,
			{ plan: plans[i % plans.length] as (typeof plans)[number], quantity: 1 + (i % 3) },
			{
				customerEmail: opts.email ?? `customer${i % 50}@example.com`,
				customerName: `Customer ${i % 50}`,
				phone: null,
			},
			{ createdMs, origin },
		);
		order.status = status;
		if (status === 'completed') order.esims = makeEsims(state, order);
		records.push(order);
	}
	state.addOrders(records);
	return records;
}
