import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { apiError, explainStatus } from '../../../shared/transport/errors';
import { esimDistribute } from '../../transport';
import { distributeClient } from '../../transport/client';
import { ordersIn } from '../../transport/orders';
import { readWaitSettings } from '../../../shared/fulfilment/poll';
import { guardCheckout } from '../../spend/guards';
import type { Priced } from '../../../shared/spend/guard';
import { oneAtATime, purchaseKey } from '../../../shared/spend/lock';
import { overchargeFields } from '../../../shared/spend/overcharge';
import { readCheckout, type CheckoutInput } from './basket';
import { waitForCheckout } from './fulfilment';
import {
	findPlaced,
	knownOrderIds,
	matchBasket,
	outcomeUnknown,
	recentOrders,
	type SentCheckout,
} from './reconcile';
import { isRecord } from '../../../shared/json/records';

export { description } from './checkout.description';

/** Statuses after which the checkout may or may not have been carried out. */
const AMBIGUOUS = [500, 502, 503, 504];

/** Pauses before each look-up: a checkout still being processed may show up a moment later. */
const LOOKUP_PAUSES_MS = [0, 1000, 2000];

/** After an unclear outcome: the orders found for this basket, marked reconciled, or an "Outcome unknown" error. */
async function reconcile(
	ctx: IExecuteFunctions,
	sent: SentCheckout,
	i: number,
	what: string,
	status?: number,
): Promise<INodeExecutionData[]> {
	let lookupFailed = false;
	for (const pause of LOOKUP_PAUSES_MS) {
		if (pause) await sleep(pause);
		const found = await findPlaced(ctx, sent, i);
		lookupFailed = found.lookupFailed;
		if (found.orders?.length)
			return found.orders.map((order) => ({ json: { ...order, reconciled: true } }));
	}
	throw outcomeUnknown(ctx, sent, i, what, lookupFailed, status);
}

/** One item per order placed; when the answer lists no orders (as in the provider's sample), they are looked up. */
async function placedItems(
	ctx: IExecuteFunctions,
	data: unknown,
	sent: SentCheckout,
	i: number,
): Promise<INodeExecutionData[]> {
	const extra: IDataObject =
		isRecord(data) && isRecord(data.summary) ? { summary: data.summary } : {};
	const orders = ordersIn(data);
	if (orders.length)
		return orders.map((order) => ({ json: { ...order, ...extra, reconciled: false } }));
	const found = (await findPlaced(ctx, sent, i)).orders;
	if (found?.length)
		return found.map((order) => ({
			json: { ...order, ...extra, reconciled: false, orderSource: 'orderList' },
		}));
	const note =
		'eSIM Distribute confirmed the checkout without listing its orders; find them with Order → Get Many.';
	return [{ json: { ...extra, orders: [], reconciled: false, note } }];
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const input = readCheckout(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = {
		items: input.items.map((line) => ({ ...line })),
		email: input.email,
		customerName: input.customerName,
	};
	if (input.phone) body.phone = input.phone;
	// Purchases on one credential run one at a time, from the balance check to the answer.
	const outcome = await oneAtATime(purchaseKey(this, esimDistribute.credentialType), async () => {
		const guarded = await guardCheckout(this, i, options, input.items, body);
		const { dryRun } = guarded;
		if (dryRun) return { dryRun };
		const items =
			(await earlierCheckout(this, input, options, i)) ??
			(await place(this, input, body, options, i));
		return { items, priced: guarded.priced };
	});
	if (outcome.dryRun) return outcome.dryRun;
	const placed = flagOvercharge(outcome.items, outcome.priced);
	if (!(this.getNodeParameter('waitForFulfilment', i, true) as boolean)) return placed;
	return await waitForCheckout(this, placed, i, readWaitSettings(options));
}

/** Marks every item when the checkout summary shows more charged than the basket was priced at. */
function flagOvercharge(
	items: INodeExecutionData[],
	priced: Priced | undefined,
): INodeExecutionData[] {
	const summary = items[0]?.json.summary;
	if (items[0]?.json.repeatSkipped || !isRecord(summary)) return items;
	const flagged = overchargeFields(
		'eSIM Distribute',
		'this checkout',
		priced,
		summary as IDataObject,
	);
	if (!Object.keys(flagged).length) return items;
	return items.map((item) => ({ ...item, json: { ...item.json, ...flagged } }));
}

/**
 * Skip Repeat Within: this customer's order with exactly this basket placed within the window, returned
 * (marked reconciled) instead of buying again; undefined when there is none or the option is off.
 */
async function earlierCheckout(
	ctx: IExecuteFunctions,
	input: CheckoutInput,
	options: IDataObject,
	i: number,
): Promise<INodeExecutionData[] | undefined> {
	const repeatWindow = Number(options.repeatWindow ?? 0);
	if (!(repeatWindow > 0)) return undefined;
	const since = Date.now() - repeatWindow * 60_000;
	const earlier = matchBasket(await recentOrders(ctx, input.email, i), {
		email: input.email,
		basket: input.items,
		sentAt: since,
	});
	if (!earlier?.length) return undefined;
	return earlier.map((order) => ({
		json: { ...order, reconciled: true, repeatSkipped: true },
		pairedItem: { item: i },
	}));
}

/** Sends the checkout once: the orders it placed, found again after an unclear outcome. */
async function place(
	ctx: IExecuteFunctions,
	input: CheckoutInput,
	body: IDataObject,
	options: IDataObject,
	i: number,
): Promise<INodeExecutionData[]> {
	const known = await knownOrderIds(ctx, input.email, i);
	const sent: SentCheckout = { email: input.email, basket: input.items, known, sentAt: Date.now() };

	const client = distributeClient(ctx, i);
	const response = await client.placeOrder(body, Number(options.requestTimeout ?? 30) * 1000, {
		allowStatus: [402, ...AMBIGUOUS],
		returnLost: true,
		returnUnreadable: true,
	});
	if (response.unreadable) {
		// A success status whose body cannot be read says nothing about what was placed.
		const what = `eSIM Distribute answered the checkout with HTTP ${response.status} but ${response.unreadable.what}.`;
		return await reconcile(ctx, sent, i, what, response.status);
	}
	if (response.lost) {
		return await reconcile(
			ctx,
			sent,
			i,
			`The connection failed (${response.lost.code}) after the checkout was sent.`,
		);
	}
	if (response.status === 402) {
		const explained = explainStatus(esimDistribute, response, {
			balanceText: await client.balanceText(),
		});
		throw apiError(ctx.getNode(), explained, 402, i, response.body);
	}
	if (AMBIGUOUS.includes(response.status)) {
		return await reconcile(
			ctx,
			sent,
			i,
			`eSIM Distribute answered HTTP ${response.status} to the checkout.`,
			response.status,
		);
	}
	return await placedItems(ctx, client.unwrap(response), sent, i);
}
