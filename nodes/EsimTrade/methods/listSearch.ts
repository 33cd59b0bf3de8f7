import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { containsText, needleOf } from '../../shared/fields/search';
import { tradeClient } from '../transport/client';
import { planPrice } from '../transport/plans';

/** Plans for the Plan picker, matched on name, slug or country code. */
export async function searchPlans(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = needleOf(filter);
	const plans = await tradeClient(this).plans();
	const results = plans
		.filter((plan) => containsText(needle, plan.name, plan.slug, plan.locationCode))
		.slice(0, 200)
		.map((plan) => {
			const price = planPrice(plan);
			return {
				name: `${String(plan.name ?? plan.slug)}${price !== undefined ? ` · ${String(plan.currencyCode ?? 'USD')} ${String(price)}` : ''}`,
				value: String(plan.slug),
			};
		});
	return { results };
}

const ORDER_PAGE = 100;

/** Orders for the Order picker, newest first, a page at a time; the filter is eSIMTrade's own order search. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) || 1;
	const q = (filter ?? '').trim();
	const { rows, total } = await tradeClient(this).orders(page, ORDER_PAGE, q ? { q } : {});
	const results = rows
		.filter((order) => order.providerOrderNo !== undefined)
		.map((order) => ({
			name: [order.providerOrderNo, order.packageName ?? order.slug, order.status]
				.filter(Boolean)
				.map(String)
				.join(' · '),
			value: String(order.providerOrderNo),
		}));
	const more = rows.length === ORDER_PAGE && (total === undefined || page * ORDER_PAGE < total);
	return { results, paginationToken: more ? String(page + 1) : undefined };
}
