import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchListPage } from '../transport/list';
import { fetchCatalog } from '../transport/plans';

/** Plans for the Plan picker, matched on name, slug or country code. */
export async function searchPlans(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const plans = await fetchCatalog(this);
	const results = plans
		.filter(
			(plan) =>
				!needle ||
				[plan.name, plan.slug, plan.locationCode].some((v) =>
					String(v ?? '')
						.toLowerCase()
						.includes(needle),
				),
		)
		.slice(0, 200)
		.map((plan) => {
			const price = plan.price ?? (plan.pricing as { sellPrice?: number } | undefined)?.sellPrice;
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
	const { rows, total } = await fetchListPage(this, 'orders', q ? { q } : {}, page, ORDER_PAGE);
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
