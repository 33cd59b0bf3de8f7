/**
 * Shopify `orders/create` deliveries for the queue suite: distinct orders made from the recorded payload,
 * posted concurrently to the webhook on main, some of them twice (the way Shopify retries), and what the
 * sandbox holds for them afterwards.
 */
import { postWebhook } from '../../scripts/lib/queue/queue-run.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = Record<string, any>;

/** The recorded order as delivery `k` of a run: its own order id, name and line-item ids. */
export function shopifyDelivery(fixture: Json, k: number, base = 7_100_000_000_000): Json {
	const order = structuredClone(fixture);
	order.id = base + k;
	order.name = `#Q${k}`;
	order.order_number = 50_000 + k;
	order.line_items = (order.line_items as Json[]).map((line, j) => ({
		...line,
		id: 8_100_000_000_000 + k * 10 + j,
	}));
	return order;
}

/** The eSIMTrade idempotency keys the Shopify example derives from an order (`<order id>-<line item id>`). */
export function keysOf(order: Json): string[] {
	return (order.line_items as Json[])
		.filter((line) => String(line.sku).startsWith('ESIM-'))
		.map((line) => `${order.id}-${line.id}`);
}

export interface Delivery {
	order: Json;
	attempt: number;
	status: number;
	body: unknown;
	ms: number;
}

/**
 * Posts every order at once; every `retryEvery`-th one is posted a second time 0–1.5 s later. Resolves one
 * entry per post.
 */
export async function deliverConcurrently(
	ctx: Json,
	path: string,
	orders: Json[],
	{ retryEvery = 5 } = {},
): Promise<Delivery[]> {
	const post = async (order: Json, attempt: number, delayMs: number): Promise<Delivery> => {
		if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
		const res = await postWebhook(ctx, path, order, { timeoutMs: 600_000 });
		return { order, attempt, ...res };
	};
	const posts = orders.flatMap((order, k) => [
		post(order, 1, 0),
		...(k % retryEvery === 0 ? [post(order, 2, (k * 37) % 1500)] : []),
	]);
	return await Promise.all(posts);
}

/** ICCIDs in a webhook answer (every item of the last node). */
export function iccidsOf(body: unknown): string[] {
	const items = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : [];
	return (items as Json[])
		.map((item) => item.iccid)
		.filter((v): v is string => typeof v === 'string')
		.sort();
}

/** The sandbox's eSIMTrade orders and debits for a set of idempotency keys. */
export async function ledgerFor(
	ctx: Json,
	keys: Set<string>,
): Promise<{ orders: Json[]; debits: Json[] }> {
	const orders = ((await ctx.sandbox.admin.trade.orders()) as Json[]).filter((o) =>
		keys.has(o.idempotencyKey),
	);
	const numbers = new Set(orders.map((o) => o.orderNo));
	const debits = ((await ctx.sandbox.admin.trade.ledger()) as Json[]).filter(
		(e) => e.type === 'debit' && numbers.has(e.orderNo),
	);
	return { orders, debits };
}

/** ICCIDs of the sandbox's orders for an order's keys. */
export function sandboxIccids(orders: Json[], keys: string[]): string[] {
	return orders
		.filter((o) => keys.includes(o.idempotencyKey))
		.flatMap((o) => (o.esims as Json[] | undefined)?.map((e) => e.iccid) ?? [])
		.sort();
}
