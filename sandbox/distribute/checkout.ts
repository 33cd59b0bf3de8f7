import type { SimRequest, SimResponse } from '../types';
import { ApiError, ok } from './envelope';
import { formatUsd, post, toCents, toUsd } from './ledger';
import { orderView } from './orders';
import { activePlan } from './plans';
import type { OrderRecord, Plan, State, Tenant } from './model';
import {
	email,
	integer,
	invalid,
	objectBody,
	optionalString,
	requiredString,
	type Fields,
} from './validate';

interface Line {
	plan: Plan;
	quantity: number;
	cents: number;
}

function parseLine(state: State, item: unknown, i: number): Line {
	const field = `items[${i}]`;
	if (!item || typeof item !== 'object' || Array.isArray(item))
		invalid(`${field} must be an object`);
	const fields = item as Fields;
	const planId = requiredString(fields.planId, `${field}.planId`, 100);
	const plan = activePlan(state, planId);
	if (!plan) invalid(`${field}.planId ${planId} is not a known active plan`);
	const quantity = integer(fields.quantity, `${field}.quantity`, 1, 50);
	return { plan, quantity, cents: toCents(plan.price) * quantity };
}

export interface Customer {
	customerEmail: string;
	customerName: string | null;
	phone: string | null;
}

/** Builds an order record (not yet stored). */
export function newOrder(
	state: State,
	tenantId: string,
	line: Omit<Line, 'cents'>,
	customer: Customer,
	at: { createdMs: number; origin: string },
): OrderRecord {
	const seq = state.nextSeq();
	const createdAt = state.iso(at.createdMs);
	return {
		id: state.uuid(),
		orderNumber: `ED-${24_000_000 + seq}`,
		planId: line.plan.id,
		planName: line.plan.name,
		quantity: line.quantity,
		unitPrice: line.plan.price,
		totalAmount: toUsd(toCents(line.plan.price) * line.quantity),
		currency: 'USD',
		status: 'pending',
		...customer,
		esims: [],
		createdAt,
		updatedAt: createdAt,
		tenantId,
		origin: at.origin,
		createdMs: at.createdMs,
		seq,
		charged: false,
		refunded: false,
	};
}

/** `POST /orders/checkout`: one order per item, paid from the credit balance. */
export function checkout(state: State, tenant: Tenant, req: SimRequest): SimResponse {
	const body = objectBody(req.body);
	if (!Array.isArray(body.items) || body.items.length === 0)
		invalid('items must be a non-empty array');
	if (body.items.length > 20) invalid('items must have at most 20 entries');
	const lines = body.items.map((item, i) => parseLine(state, item, i));
	const customer: Customer = {
		customerEmail: email(body.email, 'email'),
		customerName: optionalString(body.customerName, 'customerName'),
		phone: optionalString(body.phone, 'phone', 40),
	};
	const totalCents = lines.reduce((sum, line) => sum + line.cents, 0);
	if (totalCents > tenant.balanceCents) {
		throw new ApiError(
			'INSUFFICIENT_BALANCE',
			`Insufficient balance: need ${formatUsd(totalCents)}, have ${formatUsd(tenant.balanceCents)}`,
		);
	}
	const createdMs = state.now();
	const orders = lines.map((line) => {
		const order = newOrder(state, tenant.id, line, customer, { createdMs, origin: req.origin });
		order.charged = true;
		order.dueAt = createdMs + state.fulfilmentDelayMs;
		post(
			state,
			tenant,
			'checkout',
			-line.cents,
			order.id,
			`Checkout ${order.orderNumber}: ${line.plan.name} x${line.quantity}`,
		);
		return order;
	});
	state.addOrders(orders);
	state.pending.push(...orders);
	const summary = {
		totalAmount: toUsd(totalCents),
		orderCount: orders.length,
		refundedAmount: 0,
		creditBalance: toUsd(tenant.balanceCents),
	};
	return {
		...ok({ orders: orders.map(orderView), summary }, 'Balance checkout completed'),
		committed: true,
	};
}
