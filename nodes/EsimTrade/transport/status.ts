import type { IDataObject } from 'n8n-workflow';

/** Where an order or eSIM stands, whatever spelling the provider used. */
export type FulfilmentState = 'pending' | 'fulfilled' | 'failed';

const PENDING = new Set(['processing', 'pending', 'create', 'created', 'paying', 'paid', 'getting_resource', 'in_progress', 'ordering']);
const FAILED = new Set(['cancel', 'canceled', 'cancelled', 'revoked', 'failed', 'failure', 'error', 'refunded', 'rejected']);

/**
 * eSIMTrade lists use lowercase statuses (`got_resource`, `cancel`) and the
 * provider sync uses uppercase ones (`GOT_RESOURCE`, `CANCEL`); both are
 * accepted. Any status that is neither pending nor failed counts as fulfilled
 * once the eSIM exists (`got_resource`, `in_use`, `active`, `used_up`, expired…).
 */
export function classifyStatus(status: unknown): FulfilmentState {
	const value = String(status ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
	if (!value || PENDING.has(value)) return 'pending';
	if (FAILED.has(value)) return 'failed';
	return 'fulfilled';
}

/** The status of a sync (`GET /portal/orders`) record: list status if given, else the provider's eSIM status. */
export function syncStatus(data: IDataObject): string {
	return String(data.status ?? data.orderStatus ?? data.esimStatus ?? '').trim();
}

/** Order number in a create-order response: the success body is not documented, so common spellings are searched. */
export function findOrderNo(body: unknown, depth = 0): string | undefined {
	if (!body || typeof body !== 'object' || depth > 3) return undefined;
	if (Array.isArray(body)) return body.length ? findOrderNo(body[0], depth + 1) : undefined;
	const record = body as IDataObject;
	for (const [key, value] of Object.entries(record)) {
		if (/^(provider_?)?order_?(no|number|id)$/i.test(key) && (typeof value === 'string' || typeof value === 'number') && String(value)) {
			return String(value);
		}
	}
	for (const key of ['data', 'order', 'orders', 'result']) {
		const found = findOrderNo(record[key], depth + 1);
		if (found) return found;
	}
	return undefined;
}
