import type { IExecuteFunctions } from 'n8n-workflow';

import { unpriced, type Unpriced } from '../../shared/spend/guard';
import { toMinor, type Quote, type QuoteLine } from '../../shared/spend/quote';
import { distributeClient } from '../transport/client';
import { planIdOf, priceOf } from '../transport/plans';
import type { BasketLine } from '../transport/orders';

/**
 * Prices the basket from the available plans, for Max Total, Keep Wallet
 * Balance At Least and Dry Run, before anything is bought. A plan that is not
 * listed, or listed without a price, makes the basket unpriceable.
 */
export async function priceBasket(
	ctx: IExecuteFunctions,
	basket: BasketLine[],
	itemIndex: number,
): Promise<Quote | Unpriced> {
	const plans = new Map(
		(await distributeClient(ctx, itemIndex).plans()).map((plan) => [planIdOf(plan), plan]),
	);
	let currency: string | undefined;
	const lines: QuoteLine[] = [];
	for (const line of basket) {
		const plan = plans.get(line.planId);
		const price = plan ? priceOf(plan) : undefined;
		if (!plan || price === undefined) {
			return unpriced(
				`plan ${line.planId} is not among the available plans${plan ? ' with a price' : ''}`,
			);
		}
		const planCurrency = String(plan.currency ?? 'USD').toUpperCase();
		if (currency && planCurrency !== currency)
			return unpriced(`the basket mixes ${currency} and ${planCurrency} plans`);
		currency = planCurrency;
		lines.push({
			plan: line.planId,
			name: plan.name as string | undefined,
			quantity: line.quantity,
			unitMinor: toMinor(price),
		});
	}
	return { subject: 'the basket', currency: currency ?? 'USD', lines };
}
