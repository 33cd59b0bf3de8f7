import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { fetchPlans, planIdOf, priceOf } from '../../transport/plans';
import type { BasketLine } from '../../transport/orders';

const money = (cents: number) => (cents / 100).toFixed(2);

/**
 * Prices the basket from the available plans and refuses it when it costs
 * more than Max Total, before anything is bought.
 */
export async function checkMaxTotal(
	ctx: IExecuteFunctions,
	basket: BasketLine[],
	maxTotal: number,
	itemIndex: number,
): Promise<{ total: number; currency: string }> {
	const plans = new Map((await fetchPlans(ctx, itemIndex)).map((plan) => [planIdOf(plan), plan]));
	let cents = 0;
	let currency = 'USD';
	for (const line of basket) {
		const plan = plans.get(line.planId);
		const price = plan ? priceOf(plan) : undefined;
		if (!plan || price === undefined) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Max Total: plan ${line.planId} is not among the available plans${plan ? ' with a price' : ''}, so the basket cannot be priced`,
				{ itemIndex, description: 'Pick the plan from the list (Plan → Get Many shows what is on sale). Nothing was bought.' },
			);
		}
		currency = String(plan.currency ?? currency);
		cents += Math.round(price * 100) * line.quantity;
	}
	const limit = Math.round(maxTotal * 100);
	if (cents > limit) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Max Total: the basket costs ${money(cents)} ${currency}, more than the limit of ${money(limit)} ${currency}`,
			{ itemIndex, description: 'Nothing was bought. Raise Max Total, or buy fewer or cheaper plans.' },
		);
	}
	return { total: cents / 100, currency };
}
