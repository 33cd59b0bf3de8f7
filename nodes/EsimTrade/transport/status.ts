import type { IDataObject } from 'n8n-workflow';

/** The status of a sync (`GET /portal/orders`) record: list status if given, else the provider's eSIM status. */
export function syncStatus(data: IDataObject): string {
	return String(data.status ?? data.orderStatus ?? data.esimStatus ?? '').trim();
}

/** The eSIMs of a sync record: its `esimList` when there are several, else the record itself. */
export function esimsOf(data: IDataObject): IDataObject[] {
	return Array.isArray(data.esimList) && data.esimList.length
		? (data.esimList as IDataObject[])
		: [data];
}

/** Order number in a create-order response: the success body is not documented, so common spellings are searched. */
export function findOrderNo(body: unknown, depth = 0): string | undefined {
	if (!body || typeof body !== 'object' || depth > 3) return undefined;
	if (Array.isArray(body)) return body.length ? findOrderNo(body[0], depth + 1) : undefined;
	const record = body as IDataObject;
	for (const [key, value] of Object.entries(record)) {
		if (
			/^(provider_?)?order_?(no|number|id)$/i.test(key) &&
			(typeof value === 'string' || typeof value === 'number') &&
			String(value)
		) {
			return String(value);
		}
	}
	for (const key of ['data', 'order', 'orders', 'result']) {
		const found = findOrderNo(record[key], depth + 1);
		if (found) return found;
	}
	return undefined;
}
