import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	guardSpend,
	isUnpriced,
	unpriced,
	type Balance,
	type SpendOutcome,
	type Unpriced,
} from '../../shared/spend/guard';
import { toMinor } from '../../shared/spend/quote';
import { readSpendSettings } from '../../shared/spend/settings';
import { distributeClient } from '../transport/client';
import type { BasketLine } from '../transport/orders';
import { priceBasket } from './pricing';

/** The credit balance from `GET /api/tenant/balance`. */
export async function creditBalance(
	ctx: IExecuteFunctions,
	i: number,
): Promise<Balance | Unpriced> {
	const { amount, currency } = await distributeClient(ctx, i).balance();
	if (amount === undefined)
		return unpriced(
			'eSIM Distribute answered the balance request without a readable credit balance',
		);
	return { minor: toMinor(amount, 'down'), currency };
}

/** A quote is bound to the email, password and base URL of the credential (not the session token, which is renewed). */
const target = (operation: string) => ({
	provider: 'esimDistribute',
	operation,
	keyFields: ['email', 'password', 'baseUrl'],
});

/** The balance read at most once per check: its currency is the wallet's. */
function balanceOnce(ctx: IExecuteFunctions, i: number) {
	let read: Promise<Balance | Unpriced> | undefined;
	const balance = async () => await (read ??= creditBalance(ctx, i));
	const walletCurrency = async (): Promise<string | Unpriced> => {
		const answer = await balance();
		return isUnpriced(answer) ? answer : answer.currency;
	};
	return { balance, walletCurrency, credentialType: 'esimDistributeApi' };
}

/** Spend guards, Approved Quote and Dry Run for Checkout. */
export async function guardCheckout(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject,
	basket: BasketLine[],
	body: IDataObject,
): Promise<SpendOutcome> {
	return await guardSpend(ctx, i, {
		...balanceOnce(ctx, i),
		settings: readSpendSettings(ctx.getNode(), options, i),
		target: target('order.checkout'),
		price: async () => await priceBasket(ctx, basket, i),
		request: { method: 'POST', path: '/api/tenant/orders/checkout', body },
	});
}

/** Max Total, Approved Quote and Dry Run for a wallet top-up: the amount is what would be paid, and it adds to the balance. */
export async function guardWalletTopUp(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject,
	body: IDataObject & { amount: number; paymentMethod: string },
): Promise<SpendOutcome> {
	const reads = balanceOnce(ctx, i);
	const settings = readSpendSettings(ctx.getNode(), options, i);
	return await guardSpend(ctx, i, {
		...reads,
		settings,
		target: target('topUp.create'),
		// The amount is in the account currency: the balance's, read when the balance is read anyway.
		price: async () => {
			const wallet =
				settings.dryRun || settings.approvedQuote ? await reads.walletCurrency() : 'USD';
			return {
				subject: 'this top-up',
				currency: isUnpriced(wallet) ? 'USD' : wallet,
				credits: true,
				lines: [
					{
						plan: `credit (${body.paymentMethod})`,
						quantity: 1,
						unitMinor: toMinor(body.amount),
						ref: { amount: body.amount, paymentMethod: body.paymentMethod },
					},
				],
			};
		},
		request: { method: 'POST', path: '/api/tenant/top-up', body },
	});
}
