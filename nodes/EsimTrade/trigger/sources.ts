import type { IDataObject } from 'n8n-workflow';

import { providerIccid } from '../../shared/esim/iccid';
import { isTrackedFor, type TrackMode } from '../../shared/trigger/statusEvents';
import type { StatusSource } from '../../shared/trigger/types';
import type { RequestContext } from '../../shared/transport/types';
import { tradeClient } from '../transport/client';

const PAGE_SIZE = 100;

/** Statuses after which an order or eSIM does not change any more. */
const FINAL = new Set([
	'cancel',
	'canceled',
	'cancelled',
	'revoked',
	'used_up',
	'unused_expired',
	'used_expired',
	'expired',
	'failed',
	'refunded',
]);

/** `/reseller/orders`, newest first; an order that left its status list is found again by its number (`q`). */
export function orderSource(ctx: RequestContext, mode: TrackMode): StatusSource {
	const idOf = (row: IDataObject) => String(row.providerOrderNo ?? row.orderNo ?? '');
	const client = tradeClient(ctx);
	return {
		node: ctx.getNode(),
		what: 'the eSIMTrade order list',
		pageSize: PAGE_SIZE,
		fetchPage: async (page, status) => await client.orders(page, PAGE_SIZE, { status }),
		idOf,
		statusOf: (row) => String(row.status ?? '').toLowerCase(),
		lookup: async (id) =>
			(await client.orders(1, PAGE_SIZE, { q: id })).rows.find((row) => idOf(row) === id),
		isTracked: (status) => isTrackedFor(mode, status, FINAL),
	};
}

/** ICCID of an inventory row (inside the raw provider data), checked: a malformed one throws IccidError. */
export function iccidOf(row: IDataObject): string {
	const raw = (row.rawOrderJson ?? {}) as IDataObject;
	return providerIccid(row.iccid ?? raw.iccid) ?? '';
}

/** `/reseller/esims`; an eSIM that left its status list is read through the provider sync route by ICCID. */
export function esimSource(ctx: RequestContext): StatusSource {
	const client = tradeClient(ctx);
	return {
		node: ctx.getNode(),
		what: 'the eSIMTrade eSIM list',
		pageSize: PAGE_SIZE,
		fetchPage: async (page, status) => await client.page('esims', page, PAGE_SIZE, { status }),
		idOf: iccidOf,
		statusOf: (row) => String(row.status ?? '').toLowerCase(),
		lookup: async (iccid) => {
			const { data } = await client.syncOrder({ iccid }, { allowStatus: [404] });
			if (!data.iccid && !data.esimStatus) return undefined;
			return { ...data, iccid, status: String(data.status ?? data.esimStatus ?? '').toLowerCase() };
		},
		isTracked: (status) => isTrackedFor('all', status, FINAL),
	};
}
