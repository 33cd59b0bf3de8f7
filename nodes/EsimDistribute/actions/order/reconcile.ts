import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiError, markOutcomeUnknown } from '../../../shared/transport/errors';
import { distributeClient } from '../../transport/client';
import { createdMsOf, customerEmailOf, linesOf, type BasketLine } from '../../transport/orders';

/** How far the provider's clock may run behind ours when comparing order dates with the send time. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** What is known about a checkout that was sent. */
export interface SentCheckout {
	email: string;
	basket: BasketLine[];
	/** Epoch ms just before sending. */
	sentAt: number;
	/** Ids of this customer's orders that existed before sending, when they could be read. */
	known?: Set<string>;
}

/** This customer's newest orders (one page of up to 100). */
export async function recentOrders(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { rows } = await distributeClient(ctx, itemIndex).orders(1, 100, { email });
	return rows.filter((order) => {
		const address = customerEmailOf(order);
		return address === undefined || address.toLowerCase() === email.toLowerCase();
	});
}

/** Ids of this customer's existing orders, or undefined when they cannot be read (the date check still applies). */
export async function knownOrderIds(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
): Promise<Set<string> | undefined> {
	try {
		return new Set((await recentOrders(ctx, email, itemIndex)).map((order) => String(order.id)));
	} catch {
		return undefined;
	}
}

/**
 * The orders this checkout created: new since the send (not seen before it,
 * created no earlier than the send time less clock skew), covering every
 * basket line by plan and quantity, each order line used once. Undefined when
 * any line is missing.
 */
export function matchBasket(orders: IDataObject[], sent: SentCheckout): IDataObject[] | undefined {
	const fresh = orders.filter((order) => {
		if (order.id !== undefined && sent.known?.has(String(order.id))) return false;
		const created = createdMsOf(order);
		return created === undefined || created >= sent.sentAt - CLOCK_SKEW_MS;
	});
	const lines = fresh.flatMap((order) =>
		linesOf(order).map((line) => ({ order, line, used: false })),
	);
	const matched: IDataObject[] = [];
	for (const want of sent.basket) {
		const found = lines.find(
			(c) => !c.used && c.line.planId === want.planId && c.line.quantity === want.quantity,
		);
		if (!found) return undefined;
		found.used = true;
		if (!matched.includes(found.order)) matched.push(found.order);
	}
	return matched;
}

/** Looks the checkout's orders up; `lookupFailed` when the order list could not be read. */
export async function findPlaced(
	ctx: IExecuteFunctions,
	sent: SentCheckout,
	itemIndex: number,
): Promise<{ orders?: IDataObject[]; lookupFailed: boolean }> {
	try {
		return {
			orders: matchBasket(await recentOrders(ctx, sent.email, itemIndex), sent),
			lookupFailed: false,
		};
	} catch {
		return { lookupFailed: true };
	}
}

/** The error for a checkout that may or may not have been placed. */
export function outcomeUnknown(
	ctx: IExecuteFunctions,
	sent: SentCheckout,
	itemIndex: number,
	what: string,
	lookupFailed: boolean,
	status?: number,
) {
	const looked = lookupFailed
		? `The orders of ${sent.email} could not be read to check.`
		: `No new orders matching this basket were found for ${sent.email}.`;
	const error = apiError(
		ctx.getNode(),
		{
			message: `Outcome unknown — the checkout may or may not have been placed; check orders for ${sent.email} before re-running`,
			description: `${what} ${looked} Checkout has no duplicate protection, so it was not sent again. Use Order → Get Many filtered by this customer email (or the partner console) to see whether it went through before running this item again.`,
		},
		status,
		itemIndex,
	);
	return markOutcomeUnknown(error);
}
