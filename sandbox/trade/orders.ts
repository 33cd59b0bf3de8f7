import { findPlan } from './catalog';
import type { TradeContext } from './context';
import { statusMatches, type TradeOrder } from './model';
import { pageNewestFirst, parsePaging } from './paging';
import { fail, ok, parseQuantity } from './respond';
import { esimRow, orderCreatedView, orderRow, syncView } from './views';
import { usdString } from './wallet';

const MAX_KEY_LENGTH = 255;

/** `days` is optional: absent/null, or an integer 1..365. */
function parseDays(value: unknown): number | null | undefined {
	if (value === undefined || value === null) return null;
	return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 365
		? (value as number)
		: undefined;
}

/** An optional client retry key: absent, null and '' mean none. */
function parseKey(value: unknown): string | null | undefined {
	if (value === undefined || value === null || value === '') return null;
	return typeof value === 'string' && value.length <= MAX_KEY_LENGTH ? value : undefined;
}

/** POST /portal/order */
export function createOrder({ sim, body, now }: TradeContext) {
	sim.stats.purchaseCalls += 1;
	const slug = typeof body.slug === 'string' ? body.slug.trim() : '';
	if (!slug) return fail(400, 'Missing slug');
	const quantity = parseQuantity(body.qty);
	if (quantity === undefined) return fail(400, 'Invalid quantity');
	const days = parseDays(body.days);
	if (days === undefined) return fail(400, 'Invalid days');
	const idempotencyKey = parseKey(body.idempotencyKey);
	if (idempotencyKey === undefined) return fail(400, 'Invalid idempotencyKey');

	const fingerprint = JSON.stringify([slug, quantity, days]);
	if (idempotencyKey) {
		const previous = sim.idempotentOrder(idempotencyKey);
		if (previous) {
			if (previous.fingerprint !== fingerprint)
				return fail(409, 'Idempotency key already used with a different request');
			sim.stats.purchaseSuccesses += 1;
			return ok({ data: orderCreatedView(previous.order) }, 200, { 'Idempotent-Replayed': 'true' });
		}
	}

	const plan = findPlan(slug);
	if (!plan) return fail(404, 'Plan not found');
	if (!sim.purse.canPay(plan.sellCents * quantity)) {
		return fail(402, 'Insufficient wallet balance', {
			walletBalanceUsd: usdString(sim.walletCents),
		});
	}
	const order = sim.placeOrder({ plan, quantity, days, idempotencyKey }, fingerprint, now);
	sim.stats.purchaseSuccesses += 1;
	return { ...ok({ data: orderCreatedView(order) }), committed: true };
}

/** GET /portal/orders?orderno=|iccid= (orderno wins when both are sent) */
export function syncOrder({ sim, req }: TradeContext) {
	sim.stats.syncCalls += 1;
	const orderNo = req.query.orderno?.trim();
	const iccid = req.query.iccid?.trim();
	if (!orderNo && !iccid) return fail(400, 'Missing orderno or iccid');
	if (orderNo) {
		const order = sim.findOrder(orderNo);
		return order
			? ok({ data: syncView(order, undefined, req.origin) })
			: fail(404, 'Order not found');
	}
	const found = sim.findEsim(iccid as string);
	return found
		? ok({ data: syncView(found.order, found.unit, req.origin) })
		: fail(404, 'Order not found');
}

function statusFilter(raw: string | undefined): ((order: TradeOrder) => boolean) | undefined {
	const wanted = raw?.trim();
	return wanted ? (order) => statusMatches(order.status, wanted) : undefined;
}

/** GET /reseller/orders?page&pageSize&status&q */
export function listOrders({ sim, req }: TradeContext) {
	const paging = parsePaging(req.query);
	const byStatus = statusFilter(req.query.status);
	const q = req.query.q?.trim().toLowerCase();
	const matches = (order: TradeOrder): boolean =>
		(!byStatus || byStatus(order)) &&
		(!q ||
			order.orderNo.toLowerCase().includes(q) ||
			order.plan.name.toLowerCase().includes(q) ||
			order.plan.slug.toLowerCase().includes(q));
	// An exact order number (unique, fixed length) can only match itself: answer it without a scan.
	const exact = q && /^b\d{8,}$/.test(q) ? sim.findOrder(q.toUpperCase()) : undefined;
	const { total, rows } = pageNewestFirst(
		exact ? [exact] : sim.orderList,
		paging,
		(order) => (matches(order) ? 1 : 0),
		orderRow,
	);
	return ok({ page: paging.page, pageSize: paging.pageSize, total, orders: rows });
}

/** GET /reseller/esims?page&pageSize&status: one row per allocated eSIM. */
export function listEsims({ sim, req }: TradeContext) {
	const paging = parsePaging(req.query);
	const byStatus = statusFilter(req.query.status);
	const { total, rows } = pageNewestFirst(
		sim.orderList,
		paging,
		(order) => (!byStatus || byStatus(order) ? order.esims.length : 0),
		(order, index) => esimRow(order, order.esims[index] as TradeOrder['esims'][number], req.origin),
	);
	return ok({ total, page: paging.page, pageSize: paging.pageSize, esims: rows });
}
