import type { IDataObject } from 'n8n-workflow';

import { priceNumber } from '../../shared/spend/quote';
import type { RequestContext } from '../../shared/transport/types';
import { distributeGet, rowsOf } from './index';

/** The plan id checkout takes; the docs only show `"plan_uuid"`, so common spellings are accepted. */
export function planIdOf(plan: IDataObject): string | undefined {
	const id = plan.id ?? plan.planId ?? plan.uuid;
	return id === undefined || id === null || id === '' ? undefined : String(id);
}

/** The plan's price: the first of `price`, `sellPrice`, `retailPrice` that is a non-negative amount (see priceNumber). */
export function priceOf(plan: IDataObject): number | undefined {
	for (const value of [plan.price, plan.sellPrice, plan.retailPrice]) {
		const price = priceNumber(value);
		if (price !== undefined) return price;
	}
	return undefined;
}

/** `GET /api/tenant/available-plans`: a bare list or a list inside `data`. */
export async function fetchPlans(ctx: RequestContext, itemIndex?: number): Promise<IDataObject[]> {
	return rowsOf(
		await distributeGet(ctx, '/api/tenant/available-plans', undefined, itemIndex, { size: 'page' }),
		'plans',
		'availablePlans',
	);
}
