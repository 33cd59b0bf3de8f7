/**
 * The two worker crashes of the queue suite, as expectations: a worker SIGKILLed while the Shopify workflow buys
 * (eSIMTrade, keyed) and while an eSIM Distribute checkout is being answered (no key, Skip Repeat Within), then the
 * delivery sent again. Records the figures; throws when anything was bought twice or lost.
 */
import { expect } from '@jest/globals';
import ky from 'ky';

import { postWebhook } from '../../scripts/lib/queue/queue-run.mjs';
import { killWorkerMidPurchase } from './crash';
import {
	type Json,
	iccidsOf,
	keysOf,
	ledgerFor,
	sandboxIccids,
	shopifyDelivery,
} from './deliveries';
import { record } from './figures';

/** The Shopify workflow at `shopifyPath`: the worker dies after the first order; re-sending buys only what is missing. */
export async function expectTradeCrashBuysNothingTwice(
	ctx: Json,
	shopifyPath: string,
	fixture: Json,
): Promise<void> {
	const order = shopifyDelivery(fixture, 9_001);
	const keys = keysOf(order);
	await ctx.sandbox.admin.trade.config({ fulfilmentDelayMs: 120_000 });
	// The node buys line by line and waits for each eSIM: the worker dies after the first order, waiting for it.
	const crash = await killWorkerMidPurchase(
		ctx,
		shopifyPath,
		order,
		async () => (await ledgerFor(ctx, new Set(keys))).orders.length >= 1,
	);
	await ctx.sandbox.admin.trade.config({ fulfilmentDelayMs: 300 });
	await ky.post(`${ctx.sandbox.url}/__admin/trade/tick`, { json: { advanceMs: 130_000 } });
	const error = crash.execution.data?.resultData?.error;
	record('Crash (eSIMTrade)', {
		killed: crash.worker,
		execution: crash.executionId,
		n8nStatus: crash.execution.status,
		n8nMessage: error?.message,
		runDataNodes: Object.keys(crash.execution.data?.resultData?.runData ?? {}).length,
		failedAfterSeconds: Math.round(crash.failedAfterMs / 100) / 10,
		webhookAnswer: crash.answer.status,
		answeredAfterSeconds: Math.round(crash.answeredAfterMs / 100) / 10,
		replacementWorkerReadySeconds: Math.round(crash.replacementReadyMs / 100) / 10,
	});
	expect(['error', 'crashed']).toContain(crash.execution.status);
	expect(crash.answer.status).toBeGreaterThanOrEqual(500);
	const first = await ledgerFor(ctx, new Set(keys));
	expect(first.orders).toHaveLength(1);
	const boughtBeforeCrash = first.orders[0]!.orderNo as string;

	const again = await postWebhook(ctx, shopifyPath, order);
	expect(again.status).toBe(200);
	const items = again.body as Json[];
	const replayed = items.filter((item) => item.replayed === true);
	// The line bought before the crash comes back replayed; the line the crash prevented is bought now, once.
	expect(replayed.length).toBeGreaterThan(0);
	expect(new Set(replayed.map((item) => item.orderNo))).toEqual(new Set([boughtBeforeCrash]));
	const after = await ledgerFor(ctx, new Set(keys));
	expect(after.orders).toHaveLength(keys.length);
	expect(new Set(after.orders.map((o) => o.idempotencyKey))).toEqual(new Set(keys));
	expect(after.debits).toHaveLength(keys.length);
	expect(iccidsOf(again.body)).toEqual(sandboxIccids(after.orders, keys));
	record('Crash re-delivery (eSIMTrade)', {
		ordersBeforeCrash: first.orders.length,
		replayedItems: replayed.length,
		ordersForTheDelivery: after.orders.length,
		debits: after.debits.length,
		keys: keys.length,
	});
}

/** The checkout workflow at `checkoutPath`: the worker dies with the answer held back; re-sending finds the order. */
export async function expectCheckoutCrashFindsTheOrder(
	ctx: Json,
	checkoutPath: string,
): Promise<void> {
	await ctx.sandbox.admin.distribute.seedOrders(1, { email: 'seed@example.com' });
	const planId = ((await ctx.sandbox.admin.distribute.orders()) as Json[]).find(
		(o) => o.customerEmail === 'seed@example.com',
	)!.planId;
	const body = { items: [{ planId, quantity: 1 }], email: 'crash-checkout@example.com' };
	const mine = async (): Promise<Json[]> =>
		((await ctx.sandbox.admin.distribute.orders()) as Json[]).filter(
			(o) => o.customerEmail === body.email,
		);
	await ctx.sandbox.admin.faults({
		hangMs: 120_000,
		rules: [{ route: 'POST /api/tenant/orders/checkout', kind: 'hang-after-commit', count: 1 }],
	});
	const crash = await killWorkerMidPurchase(
		ctx,
		checkoutPath,
		body,
		async () => (await mine()).length === 1,
	);
	await ctx.sandbox.admin.faults({ clear: true });
	record('Crash (eSIM Distribute checkout)', {
		killed: crash.worker,
		n8nStatus: crash.execution.status,
		failedAfterSeconds: Math.round(crash.failedAfterMs / 100) / 10,
		webhookAnswer: crash.answer.status,
	});
	expect(['error', 'crashed']).toContain(crash.execution.status);

	const again = await postWebhook(ctx, checkoutPath, body);
	const orders = await mine();
	record('Crash re-delivery (eSIM Distribute)', {
		status: again.status,
		ordersForTheCustomer: orders.length,
		answer: JSON.stringify(again.body).slice(0, 300),
	});
	expect(orders).toHaveLength(1);
	expect(again.status).toBe(200);
	expect((again.body as Json[])[0]).toMatchObject({
		id: orders[0]!.id,
		reconciled: true,
		repeatSkipped: true,
	});
}
