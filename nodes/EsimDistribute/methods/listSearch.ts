import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { containsText as contains, needleOf } from '../../shared/fields/search';
import { distributeClient } from '../transport/client';
import { planIdOf, priceOf } from '../transport/plans';

/** Available plans for the Plan picker, matched on name, country or country code. */
export async function searchPlans(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = needleOf(filter);
	const results = (await distributeClient(this).plans())
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
	const needle = needleOf(filter);
	const page = Number(paginationToken) || 1;
	const { rows, last } = await distributeClient(this).orders(page, PAGE_SIZE);
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
