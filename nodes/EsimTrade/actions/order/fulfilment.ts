import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { activationFrom, esimItems } from '../../../shared/esim/activation';
import { pollUntil, type WaitSettings } from '../../../shared/fulfilment/poll';
import { dataOf, tradeGet } from '../../transport';
import { classifyStatus, type FulfilmentState } from '../../../shared/esim/status';
import { esimsOf, syncStatus } from '../../transport/status';

/** Reads an order through the provider sync route; a 404 right after creation counts as not visible yet. */
export async function syncOrder(
	ctx: IExecuteFunctions,
	orderNo: string,
	i: number,
): Promise<IDataObject | undefined> {
	const body = await tradeGet(ctx, '/portal/orders', { orderno: orderNo }, i, {
		allowStatus: [404],
		hints: { subject: `order ${orderNo}` },
	});
	const data = dataOf(body);
	return body.error && !body.data ? undefined : data;
}

/** Polls the order with growing pauses until it is fulfilled or failed, or the time is up. */
export async function waitForFulfilment(
	ctx: IExecuteFunctions,
	orderNo: string,
	i: number,
	timeoutMs: number,
): Promise<{ state: FulfilmentState | 'timedOut'; data: IDataObject; polls: number }> {
	let data: IDataObject = {};
	const settled = (record: IDataObject) => {
		const state = classifyStatus(syncStatus(record));
		return state === 'failed' || (state === 'fulfilled' && Boolean(activationFrom(record).iccid));
	};
	const read = async () => (data = (await syncOrder(ctx, orderNo, i)) ?? data);
	const waited = await pollUntil(read, settled, Date.now() + timeoutMs);
	return {
		state: waited.timedOut ? 'timedOut' : classifyStatus(syncStatus(waited.value)),
		data: waited.value,
		polls: waited.polls,
	};
}

/** One output item per eSIM of the order, with activation details and the QR image. */
export async function activationItems(
	ctx: IExecuteFunctions,
	order: IDataObject,
	data: IDataObject,
	state: string,
	settings: Pick<WaitSettings, 'qrImage' | 'binaryProperty'>,
): Promise<INodeExecutionData[]> {
	return await esimItems(
		ctx,
		{ ...order, fulfilment: state, status: syncStatus(data) || order.status },
		esimsOf(data),
		{
			...settings,
			issued: state === 'fulfilled',
			extra: (esim) => ({ esimStatus: esim.esimStatus, smdpStatus: esim.smdpStatus }),
		},
	);
}
