import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { QrImageMode } from '../../shared/esim/activation';
import { addActivation } from '../../shared/esim/items';
import { pollBalanceEvent } from '../../shared/trigger/balance';
import { pollStatusEvents, trackModeFor } from '../../shared/trigger/statusEvents';
import { distributeClient } from '../transport/client';
import type { DistributeEvent } from '../events/catalogue';
import { orderSource } from './sources';

/**
 * The QR delivery details of a completed order, read from the order itself;
 * false (the event waits for a later poll) while an eSIM lacks its ICCID or activation code.
 */
async function addDelivery(
	ctx: IPollFunctions,
	item: INodeExecutionData,
	id: string,
): Promise<boolean> {
	const order = await distributeClient(ctx).order(id);
	const esims = Array.isArray(order.esims) ? (order.esims as IDataObject[]) : [];
	const { ready, activations } = await addActivation(
		ctx,
		item,
		esims.length ? esims : [order],
		ctx.getNodeParameter('qrImage', 'render') as QrImageMode,
	);
	item.json.esims = activations;
	return ready;
}

/** One poll of the eSIM Distribute Trigger: the items to emit, or null when nothing happened. */
export async function pollDistribute(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = ctx.getNodeParameter('event') as DistributeEvent;
	const items =
		event === 'balanceLow'
			? await pollBalanceEvent(ctx, async () => {
					// An unreadable balance is NaN: it never counts as below the threshold.
					const { amount, data } = await distributeClient(ctx).balance();
					return { balance: amount ?? Number.NaN, data };
				})
			: await pollStatusEvents(ctx, {
					event,
					source: orderSource(ctx, trackModeFor(event)),
					idField: 'id',
					kind: `orders:${event}`,
					enrich:
						event === 'fulfilled'
							? async (item, change) => await addDelivery(ctx, item, change.id)
							: undefined,
				});
	return items.length ? [items] : null;
}
