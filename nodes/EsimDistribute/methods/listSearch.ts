import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchListPage } from '../transport/list';
import { fetchPlans, planIdOf, priceOf } from '../transport/plans';

const contains = (needle: string, ...values: unknown[]) =>
	!needle ||
	values.some((v) =>
		String(v ?? '')
			.toLowerCase()
			.includes(needle),
	);

/** Available plans for the Plan picker, matched on name, country or country code. */
export async function searchPlans(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = (await fetchPlans(this))
		.filter((plan) => planIdOf(plan) && contains(needle, plan.name, plan.country, plan.countryCode))
		.slice(0, 200)
		.map((plan) => {
			const price = priceOf(plan);
			return {
				name: `${String(plan.name ?? planIdOf(plan))}${price !== undefined ? ` · ${String(plan.currency ?? 'USD')} ${price.toFixed(2)}` : ''}`,
				value: planIdOf(plan) as string,
			};
		});
	return { results };
}

const PAGE_SIZE = 100;

/** Orders for the Order picker, newest first, a page at a time; the filter matches number, email, plan or status. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const page = Number(paginationToken) || 1;
	const { rows, last } = await fetchListPage(this, 'orders', {}, page, PAGE_SIZE);
	const results = rows
		.filter((order: IDataObject) => order.id !== undefined)
		.filter((order) =>
			contains(needle, order.orderNumber, order.customerEmail, order.planName, order.status),
		)
		.map((order) => ({
			name: [order.orderNumber ?? order.id, order.planName, order.customerEmail, order.status]
				.filter(Boolean)
				.map(String)
				.join(' · '),
			value: String(order.id),
		}));
	return {
		results,
		paginationToken: last || rows.length < PAGE_SIZE ? undefined : String(page + 1),
	};
}
