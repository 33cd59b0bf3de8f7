import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { activationFrom, attachQr, type QrImageMode } from '../../shared/activation';
import { pollStatusEvents, trackModeFor } from '../../shared/trigger/statusEvents';
import { dataOf, tradeGet } from '../transport';
import { esimSource, orderSource } from './sources';

/** Order and eSIM events of the eSIMTrade Trigger. */
export async function pollOrderEvents(ctx: IPollFunctions, event: string): Promise<INodeExecutionData[]> {
	const esims = event === 'esimStatusChanged';
	return await pollStatusEvents(ctx, {
		event,
		source: esims ? esimSource(ctx) : orderSource(ctx, trackModeFor(event)),
		idField: esims ? 'iccid' : 'providerOrderNo',
		kind: `${esims ? 'esims' : 'orders'}:${event}`,
		enrich: event === 'fulfilled' ? async (item, change) => await addActivation(ctx, item, change.id) : undefined,
	});
}

/** Activation details (and the QR image) of a fulfilled order, from the provider sync route. */
async function addActivation(ctx: IPollFunctions, item: INodeExecutionData, orderNo: string): Promise<void> {
	const data = dataOf(await tradeGet(ctx, '/portal/orders', { orderno: orderNo }));
	const list = Array.isArray(data.esimList) && data.esimList.length ? (data.esimList as IDataObject[]) : [data];
	const activations = list.map((esim) => activationFrom(esim));
	Object.assign(item.json, activations[0], activations.length > 1 ? { esims: activations } : {});
	const mode = ctx.getNodeParameter('qrImage', 'render') as QrImageMode;
	await attachQr(ctx, item, activations[0] ?? {}, mode, 'qrCode');
}
