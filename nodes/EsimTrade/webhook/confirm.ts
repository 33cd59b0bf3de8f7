import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { RequestOptions } from '../../shared/transport/request';
import { tradeClient, type SyncQuery } from '../transport/client';
import type { ParsedDelivery } from './payload';

/** The order a delivery is about, as the API reports it now. */
export interface ConfirmedOrder {
	orderNo: string;
	/** The order's row of `GET /reseller/orders` (the polling trigger's event fields), or the sync record. */
	row: IDataObject;
	status: string;
}

/**
 * A delivery waits for its answer, so requests are retried briefly only: when
 * the API stays unavailable the trigger answers 503 and eSIMTrade's own retry
 * brings the delivery back later.
 */
export const CONFIRM_REQUEST: RequestOptions = {
	retry: { maxRetries: 2, baseDelayMs: 200, maxDelayMs: 1000, maxRetryAfterMs: 2000 },
};

const lower = (value: unknown) =>
	String(value ?? '')
		.trim()
		.toLowerCase();

/** `GET /portal/orders` by order number or ICCID; undefined when eSIMTrade does not know it. */
async function syncRecord(
	ctx: IWebhookFunctions,
	query: SyncQuery,
): Promise<IDataObject | undefined> {
	const { data } = await tradeClient(ctx).syncOrder(query, {
		...CONFIRM_REQUEST,
		allowStatus: [404],
	});
	return data.orderNo || data.iccid || data.esimStatus || data.status ? data : undefined;
}

/** The order's row in `GET /reseller/orders`, found by its number (`q`). */
async function listRow(ctx: IWebhookFunctions, orderNo: string): Promise<IDataObject | undefined> {
	const { rows } = await tradeClient(ctx).orders(1, 100, { q: orderNo }, CONFIRM_REQUEST);
	return rows.find((row) => String(row.providerOrderNo ?? row.orderNo ?? '') === orderNo);
}

/**
 * Finds the order a delivery names and reads its current status: by order
 * number from the order list (the row the polling trigger emits), falling back
 * to the sync route; by ICCID through the sync route. Undefined when the API
 * knows no such order. API failures are raised.
 */
export async function confirmOrder(
	ctx: IWebhookFunctions,
	parsed: ParsedDelivery,
): Promise<ConfirmedOrder | undefined> {
	let orderNo = parsed.orderNo;
	let sync: IDataObject | undefined;
	if (!orderNo && parsed.iccid) {
		sync = await syncRecord(ctx, { iccid: parsed.iccid });
		orderNo = sync?.orderNo ? String(sync.orderNo) : undefined;
	}
	if (!orderNo) return undefined;
	const row = await listRow(ctx, orderNo);
	if (row) return { orderNo, row, status: lower(row.status) };
	sync ??= await syncRecord(ctx, { orderno: orderNo });
	if (!sync) return undefined;
	const status = lower(sync.status ?? sync.esimStatus);
	return { orderNo, row: { ...sync, providerOrderNo: orderNo, status }, status };
}

/** The eSIM a top-up delivery names, as the sync route reports it now; undefined when unknown. */
export async function confirmEsim(
	ctx: IWebhookFunctions,
	iccid: string,
): Promise<IDataObject | undefined> {
	const data = await syncRecord(ctx, { iccid });
	return data ? { ...data, iccid } : undefined;
}
