import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { guardSpend } from '../../shared/spend/guard';
import { readSpendSettings } from '../../shared/spend/settings';
import { priceOrder, priceTopUp, walletBalance } from './pricing';

/** Spend guards and Dry Run for Create Order: the dry-run item, or undefined when the order may be sent. */
export async function guardOrder(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject,
	body: IDataObject & { slug: string; qty: number; days?: number },
): Promise<INodeExecutionData[] | undefined> {
	return await guardSpend(ctx, i, {
		settings: readSpendSettings(ctx.getNode(), options, i),
		price: async () => await priceOrder(ctx, i, body.slug, body.qty, body.days),
		balance: async () => await walletBalance(ctx, i),
		request: { method: 'POST', path: '/portal/order', body },
	});
}

/** Spend guards and Dry Run for Top-Up → Create. */
export async function guardTopUp(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject,
	body: { iccid: string; slug: string; qty: number },
): Promise<INodeExecutionData[] | undefined> {
	return await guardSpend(ctx, i, {
		settings: readSpendSettings(ctx.getNode(), options, i),
		price: async () => await priceTopUp(ctx, i, body.iccid, body.slug, body.qty),
		balance: async () => await walletBalance(ctx, i),
		request: { method: 'POST', path: '/portal/topups', body },
	});
}
