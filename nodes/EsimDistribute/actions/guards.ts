import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { guardSpend, unpriced, type Balance, type Unpriced } from '../../shared/spend/guard';
import { priceNumber, toCents } from '../../shared/spend/quote';
import { readSpendSettings } from '../../shared/spend/settings';
import { distributeGet } from '../transport';
import type { BasketLine } from '../transport/orders';
import { priceBasket } from './order/maxTotal';

/** The credit balance from `GET /api/tenant/balance`. */
export async function creditBalance(
	ctx: IExecuteFunctions,
	i: number,
): Promise<Balance | Unpriced> {
	const data = await distributeGet(ctx, '/api/tenant/balance', undefined, i);
	const amount = priceNumber(data.creditBalance ?? data.balance);
	if (amount === undefined)
		return unpriced(
			'eSIM Distribute answered the balance request without a readable credit balance',
		);
	return { cents: toCents(amount), currency: String(data.currency ?? 'USD').toUpperCase() };
}

/** Spend guards and Dry Run for Checkout: the dry-run item, or undefined when the checkout may be sent. */
export async function guardCheckout(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject,
	basket: BasketLine[],
	body: IDataObject,
): Promise<INodeExecutionData[] | undefined> {
	return await guardSpend(ctx, i, {
		settings: readSpendSettings(ctx.getNode(), options, i),
		price: async () => await priceBasket(ctx, basket, i),
		balance: async () => await creditBalance(ctx, i),
		request: { method: 'POST', path: '/api/tenant/orders/checkout', body },
	});
}

/** Max Total and Dry Run for a wallet top-up: the amount is what would be paid, and it adds to the balance. */
export async function guardWalletTopUp(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject,
	body: IDataObject & { amount: number; paymentMethod: string },
): Promise<INodeExecutionData[] | undefined> {
	return await guardSpend(ctx, i, {
		settings: readSpendSettings(ctx.getNode(), options, i),
		price: async () => ({
			subject: 'this top-up',
			currency: 'USD',
			credits: true,
			lines: [
				{ plan: `credit (${body.paymentMethod})`, quantity: 1, unitCents: toCents(body.amount) },
			],
		}),
		balance: async () => await creditBalance(ctx, i),
		request: { method: 'POST', path: '/api/tenant/top-up', body },
	});
}
