import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { activationFrom, esimItems, type QrImageMode } from '../../../shared/esim/activation';
import { dataOf, tradeGet } from '../../transport';
import { classifyStatus, type FulfilmentState } from '../../../shared/esim/status';
import { esimsOf, syncStatus } from '../../transport/status';

export interface WaitSettings {
	timeoutMs: number;
	qrImage: QrImageMode;
	binaryProperty: string;
}

/** Reads an order through the provider sync route; a 404 right after creation counts as not visible yet. */
export async function syncOrder(ctx: IExecuteFunctions, orderNo: string, i: number): Promise<IDataObject | undefined> {
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
	const deadline = Date.now() + timeoutMs;
	let pause = 500;
	let polls = 0;
	let data: IDataObject = {};
	for (;;) {
		polls++;
		data = (await syncOrder(ctx, orderNo, i)) ?? data;
		const state = classifyStatus(syncStatus(data));
		const hasEsim = Boolean(activationFrom(data).iccid);
		if (state === 'failed' || (state === 'fulfilled' && hasEsim)) return { state, data, polls };
		const left = deadline - Date.now();
		if (left <= 0) return { state: 'timedOut', data, polls };
		await sleep(Math.min(pause, left));
		pause = Math.min(Math.round(pause * 1.5), 10_000);
	}
}

/** One output item per eSIM of the order, with activation details and the QR image. */
export async function activationItems(
	ctx: IExecuteFunctions,
	order: IDataObject,
	data: IDataObject,
	state: string,
	settings: Pick<WaitSettings, 'qrImage' | 'binaryProperty'>,
): Promise<INodeExecutionData[]> {
	return await esimItems(ctx, { ...order, fulfilment: state, status: syncStatus(data) || order.status }, esimsOf(data), {
		...settings,
		issued: state === 'fulfilled',
		extra: (esim) => ({ esimStatus: esim.esimStatus, smdpStatus: esim.smdpStatus }),
	});
}
