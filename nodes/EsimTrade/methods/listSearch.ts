import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchCatalog } from '../transport/plans';

/** Plans for the Plan picker, matched on name, slug or country code. */
export async function searchPlans(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const plans = await fetchCatalog(this);
	const results = plans
		.filter((plan) =>
			!needle ||
			[plan.name, plan.slug, plan.locationCode].some((v) => String(v ?? '').toLowerCase().includes(needle)),
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
