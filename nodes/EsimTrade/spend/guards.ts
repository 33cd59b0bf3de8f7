import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { guardSpend, type SpendOutcome } from '../../shared/spend/guard';
import { readSpendSettings } from '../../shared/spend/settings';
import { priceOrder, priceTopUp, walletBalance } from './pricing';

/** The eSIMTrade wallet is kept in USD (its balance is `walletBalanceCents` / `walletBalanceUsd`). */
const WALLET_CURRENCY = 'USD';

const common = { credentialType: 'esimTradeApi', walletCurrency: async () => WALLET_CURRENCY };

/** A quote is bound to the access code, secret key and base URL of the credential. */
const target = (operation: string) => ({
	provider: 'esimTrade',
	operation,
	keyFields: ['accessCode', 'secretKey', 'baseUrl'],
});

/** Spend guards, Approved Quote and Dry Run for Create Order. */
export async function guardOrder(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject,
	body: IDataObject & { slug: string; qty: number; days?: number },
): Promise<SpendOutcome> {
	return await guardSpend(ctx, i, {
		...common,
		settings: readSpendSettings(ctx.getNode(), options, i),
		target: target('order.create'),
		price: async () => await priceOrder(ctx, i, body.slug, body.qty, body.days),
		balance: async () => await walletBalance(ctx, i),
		request: { method: 'POST', path: '/portal/order', body },
	});
}

/** Spend guards, Approved Quote and Dry Run for Top-Up → Create. */
export async function guardTopUp(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject,
	body: { iccid: string; slug: string; qty: number },
): Promise<SpendOutcome> {
	return await guardSpend(ctx, i, {
		...common,
		settings: readSpendSettings(ctx.getNode(), options, i),
		target: target('topUp.create'),
		price: async () => await priceTopUp(ctx, i, body.iccid, body.slug, body.qty),
		balance: async () => await walletBalance(ctx, i),
		request: { method: 'POST', path: '/portal/topups', body },
	});
}
