import { ApiError } from './envelope';
import { post, toCents } from './ledger';
import { ORDER_STATUSES, type Esim, type OrderRecord, type OrderStatus, type State } from './model';
import { oneOf } from './validate';

export const SMDP_ADDRESS = 'smdp.sandbox.esimdistribute.test';

/** Statuses that give the money back (once) when an order reaches them. */
const REFUNDING: readonly OrderStatus[] = ['failed', 'refunded', 'cancelled'];

function luhnDigit(digits: string): number {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 0) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return (10 - (sum % 10)) % 10;
}

/** One eSIM per unit of the order: a 20-digit ICCID with a Luhn check digit, and its LPA code. */
export function makeEsims(state: State, order: OrderRecord): Esim[] {
	const esims: Esim[] = [];
	for (let i = 0; i < order.quantity; i++) {
		const body = `8985200${state.rng.digits(12)}`;
		const iccid = `${body}${luhnDigit(body)}`;
		const hex = state.rng.hex(16).toUpperCase();
		const matchingId = `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12)}`;
		esims.push({
			iccid,
			activationCode: `LPA:1$${SMDP_ADDRESS}$${matchingId}`,
			smdpAddress: SMDP_ADDRESS,
			matchingId,
			qrCodeUrl: `${order.origin}/qr/${iccid}.png`,
		});
	}
	return esims;
}

/** Credits a charged order's total back to its tenant, at most once. */
function refund(state: State, order: OrderRecord): void {
	const tenant = state.tenants.get(order.tenantId);
	if (!order.charged || order.refunded || !tenant) return;
	order.refunded = true;
	post(
		state,
		tenant,
		'refund',
		toCents(order.totalAmount),
		order.id,
		`Refund for order ${order.orderNumber}`,
	);
}

function moveTo(state: State, order: OrderRecord, status: OrderStatus, at: number): void {
	if (status === 'completed' && order.esims.length === 0) order.esims = makeEsims(state, order);
	if (REFUNDING.includes(status)) refund(state, order);
	order.status = status;
	order.updatedAt = state.iso(at);
}

/** Fulfils (or, per the failure rate, fails and refunds) every pending order that is due by `now`. */
export function processDue(state: State, now: number): void {
	if (state.pending.length === 0) return;
	const waiting: OrderRecord[] = [];
	for (const order of state.pending) {
		if (order.dueAt === undefined) continue;
		if (order.dueAt > now) {
			waiting.push(order);
			continue;
		}
		const at = order.dueAt;
		order.dueAt = undefined;
		moveTo(state, order, state.rng.chance(state.failureRate) ? 'failed' : 'completed', at);
	}
	state.pending = waiting;
}

/** Sets an order's status by hand; it then leaves automatic fulfilment. */
export function setOrderStatus(state: State, id: string, status: unknown): OrderRecord {
	const order = state.orderIndex.get(id);
	if (!order) throw new ApiError('NOT_FOUND', `Order ${id} not found`);
	const next = oneOf(status, 'status', ORDER_STATUSES);
	order.dueAt = undefined;
	moveTo(state, order, next, state.now());
	return order;
}
