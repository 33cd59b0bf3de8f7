import type { INodeExecutionData, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { QrImageMode } from '../../shared/esim/activation';
import { addActivation } from '../../shared/esim/items';
import { fulfilmentNote } from '../../shared/esim/status';
import { pollStatusEvents, trackModeFor } from '../../shared/trigger/statusEvents';
import type { TradeStatusEvent } from '../events/catalogue';
import { tradeClient } from '../transport/client';
import { esimsOf } from '../transport/status';
import { esimSource, orderSource } from './sources';

/** Order and eSIM events of the eSIMTrade Trigger. */
export async function pollOrderEvents(
	ctx: IPollFunctions,
	event: TradeStatusEvent,
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

/**
 * Activation details (and the QR image) of a fulfilled order, from the provider
 * sync route. Returns false, with `fulfilment: "pending"` and a note on the
 * item, while eSIMTrade has not sent every ICCID and activation code.
 */
export async function addOrderActivation(
	ctx: IPollFunctions | IWebhookFunctions,
	item: INodeExecutionData,
	orderNo: string,
): Promise<boolean> {
	const { data } = await tradeClient(ctx).syncOrder({ orderno: orderNo });
	const { ready, activations } = await addActivation(
		ctx,
		item,
		esimsOf(data),
		ctx.getNodeParameter('qrImage', 'render') as QrImageMode,
	);
	if (!ready) {
		item.json.fulfilment = 'pending';
		item.json.fulfilmentNote = fulfilmentNote('pending', item.json.status, 'eSIMTrade');
		return false;
	}
	if (activations.length > 1) item.json.esims = activations;
	return true;
}
