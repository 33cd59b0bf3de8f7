import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { esimItems, waitSettled } from '../../../shared/esim/items';
import { pollUntil, type WaitSettings } from '../../../shared/fulfilment/poll';
import { tradeClient } from '../../transport/client';
import { esimsOf, syncStatus } from '../../transport/status';

/** Reads an order through the provider sync route; a 404 right after creation counts as not visible yet. */
export async function syncOrder(
	ctx: IExecuteFunctions,
	orderNo: string,
	i: number,
): Promise<IDataObject | undefined> {
	const { data, missing } = await tradeClient(ctx, i).syncOrder(
		{ orderno: orderNo },
		{ allowStatus: [404], hints: { subject: `order ${orderNo}` } },
	);
	return missing ? undefined : data;
}

/**
 * Polls the order with growing pauses until it failed or is fulfilled with
 * every ICCID and activation code, or the time is up. An unknown status is
 * waited on like a pending one.
 */
export async function waitForFulfilment(
	ctx: IExecuteFunctions,
	orderNo: string,
	i: number,
	timeoutMs: number,
): Promise<{ timedOut: boolean; data: IDataObject; polls: number }> {
	let data: IDataObject = {};
	const settled = (record: IDataObject) => waitSettled(syncStatus(record), esimsOf(record));
	const read = async () => (data = (await syncOrder(ctx, orderNo, i)) ?? data);
	const waited = await pollUntil(read, settled, Date.now() + timeoutMs);
	return { timedOut: waited.timedOut, data: waited.value, polls: waited.polls };
}

/** One output item per eSIM of the order, with its fulfilment and, once fulfilled, activation details and the QR image. */
export async function activationItems(
	ctx: IExecuteFunctions,
	order: IDataObject,
	data: IDataObject,
	settings: Pick<WaitSettings, 'qrImage' | 'binaryProperty'> & {
		timedOut?: boolean;
		placedOrder?: string;
		itemIndex: number;
	},
): Promise<INodeExecutionData[]> {
	const status = syncStatus(data) || order.status;
	return await esimItems(ctx, { ...order, status }, esimsOf(data), {
		...settings,
		status,
		provider: 'eSIMTrade',
		extra: (esim) => ({ esimStatus: esim.esimStatus, smdpStatus: esim.smdpStatus }),
	});
}
