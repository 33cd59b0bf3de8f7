import type { IDataObject } from 'n8n-workflow';

import { priceNumber } from '../../shared/spend/quote';

/** The catalog rows, whatever list shape `GET /portal/plans` uses (`data` array, or a list inside it). */
export function catalogRows(body: IDataObject): IDataObject[] {
	const data = body.data ?? body;
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') {
		const record = data as IDataObject;
		for (const key of ['packageList', 'plans', 'packages', 'items']) {
			if (Array.isArray(record[key])) return record[key] as IDataObject[];
		}
		if (record.slug || record.packageCode) return [record];
	}
	return [];
}

/** The row of a catalog or top-up list with this slug (or package code). */
export function rowWithSlug(rows: IDataObject[], slug: string): IDataObject | undefined {
	return rows.find((row) => row.slug === slug || row.packageCode === slug);
}

/**
 * A catalog or top-up row's price in USD: the reseller `price`, else
 * `pricing.sellPrice`, each only when it is a non-negative amount (a number,
 * or decimal text with an optional `$`). The one price rule of the spend
 * guards, the Max Price filter, the plan picker and Simplify.
 */
export function planPrice(row: IDataObject): number | undefined {
	const pricing = (row.pricing ?? {}) as IDataObject;
	return priceNumber(row.price) ?? priceNumber(pricing.sellPrice);
}

/** The currency of a catalog or top-up row (eSIMTrade prices in USD unless it says otherwise). */
export const currencyOf = (row: IDataObject): string =>
	String(row.currencyCode ?? row.currency ?? 'USD').toUpperCase();
