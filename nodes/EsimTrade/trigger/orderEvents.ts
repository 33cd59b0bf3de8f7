import type { INodeExecutionData, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { addActivation, type QrImageMode } from '../../shared/esim/activation';
import { pollStatusEvents, trackModeFor } from '../../shared/trigger/statusEvents';
import { dataOf, tradeGet } from '../transport';
import { esimsOf } from '../transport/status';
import { esimSource, orderSource } from './sources';

/** Order and eSIM events of the eSIMTrade Trigger. */
export async function pollOrderEvents(
	ctx: IPollFunctions,
	event: string,
): Promise<INodeExecutionData[]> {
	const esims = event === 'esimStatusChanged';
	return await pollStatusEvents(ctx, {
		event,
		source: esims ? esimSource(ctx) : orderSource(ctx, trackModeFor(event)),
		idField: esims ? 'iccid' : 'providerOrderNo',
		kind: `${esims ? 'esims' : 'orders'}:${event}`,
		enrich:
			event === 'fulfilled'
				? async (item, change) => await addOrderActivation(ctx, item, change.id)
				: undefined,
	});
}

/** Activation details (and the QR image) of a fulfilled order, from the provider sync route. */
export async function addOrderActivation(
	ctx: IPollFunctions | IWebhookFunctions,
	item: INodeExecutionData,
	orderNo: string,
): Promise<void> {
	const data = dataOf(await tradeGet(ctx, '/portal/orders', { orderno: orderNo }));
	const activations = await addActivation(
		ctx,
		item,
		esimsOf(data),
		ctx.getNodeParameter('qrImage', 'render') as QrImageMode,
	);
	if (activations.length > 1) item.json.esims = activations;
}
