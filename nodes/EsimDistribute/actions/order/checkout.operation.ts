import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { apiError, explainStatus } from '../../../shared/transport/errors';
import { balanceText, distributeCall, esimDistribute, unwrapEnvelope } from '../../transport';
import { ordersIn } from '../../transport/orders';
import { readCheckout } from './basket';
import { checkMaxTotal } from './maxTotal';
import { findPlaced, knownOrderIds, matchBasket, outcomeUnknown, recentOrders, type SentCheckout } from './reconcile';

export { description } from './checkout.description';

/** Statuses after which the checkout may or may not have been carried out. */
const AMBIGUOUS = [500, 502, 503, 504];

/** Pauses before each look-up: a checkout still being processed may show up a moment later. */
const LOOKUP_PAUSES_MS = [0, 1000, 2000];

const isRecord = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

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
		if (found.orders?.length) return found.orders.map((order) => ({ json: { ...order, reconciled: true } }));
	}
	throw outcomeUnknown(ctx, sent, i, what, lookupFailed, status);
}

/** One item per order placed; when the answer lists no orders (as in the provider's sample), they are looked up. */
async function placedItems(ctx: IExecuteFunctions, data: unknown, sent: SentCheckout, i: number): Promise<INodeExecutionData[]> {
	const extra: IDataObject = isRecord(data) && isRecord(data.summary) ? { summary: data.summary } : {};
	const orders = ordersIn(data);
	if (orders.length) return orders.map((order) => ({ json: { ...order, ...extra, reconciled: false } }));
	const found = (await findPlaced(ctx, sent, i)).orders;
	if (found?.length) return found.map((order) => ({ json: { ...order, ...extra, reconciled: false, orderSource: 'orderList' } }));
	const note = 'eSIM Distribute confirmed the checkout without listing its orders; find them with Order → Get Many.';
	return [{ json: { ...extra, orders: [], reconciled: false, note } }];
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const input = readCheckout(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const repeatWindow = Number(options.repeatWindow ?? 0);
	if (repeatWindow > 0) {
		const since = Date.now() - repeatWindow * 60_000;
		const earlier = matchBasket(await recentOrders(this, input.email, i), { email: input.email, basket: input.items, sentAt: since });
		if (earlier?.length) return earlier.map((order) => ({ json: { ...order, reconciled: true, repeatSkipped: true } }));
	}
	if (input.maxTotal !== undefined) await checkMaxTotal(this, input.items, input.maxTotal, i);
	const body: IDataObject = { items: input.items.map((line) => ({ ...line })), email: input.email };
	if (input.customerName) body.customerName = input.customerName;
	if (input.phone) body.phone = input.phone;
	const known = await knownOrderIds(this, input.email, i);
	const sent: SentCheckout = { email: input.email, basket: input.items, known, sentAt: Date.now() };

	const response = await distributeCall(
		this,
		{
			method: 'POST',
			path: '/api/tenant/orders/checkout',
			body,
			retry: 'unkeyed',
			itemIndex: i,
			timeoutMs: Number(options.requestTimeout ?? 30) * 1000,
		},
		{ allowStatus: [402, ...AMBIGUOUS], returnLost: true },
	);
	if (response.lost) {
		return await reconcile(this, sent, i, `The connection failed (${response.lost.code}) after the checkout was sent.`);
	}
	if (response.status === 402) {
		const explained = explainStatus(esimDistribute, response, { balanceText: await balanceText(this, i) });
		throw apiError(this.getNode(), explained, 402, i, response.body);
	}
	if (AMBIGUOUS.includes(response.status)) {
		return await reconcile(this, sent, i, `eSIM Distribute answered HTTP ${response.status} to the checkout.`, response.status);
	}
	return await placedItems(this, unwrapEnvelope(this, response.body, i), sent, i);
}
