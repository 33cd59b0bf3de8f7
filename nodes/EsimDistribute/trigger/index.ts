import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { addActivation, type QrImageMode } from '../../shared/esim/activation';
import { pollBalanceEvent } from '../../shared/trigger/balance';
import { pollStatusEvents, trackModeFor } from '../../shared/trigger/statusEvents';
import { distributeGet } from '../transport';
import { orderOf, orderSource } from './sources';

/** The QR delivery details of a completed order, read from the order itself. */
async function addDelivery(
	ctx: IPollFunctions,
	item: INodeExecutionData,
	id: string,
): Promise<void> {
	const order = orderOf(await distributeGet(ctx, `/api/tenant/orders/${encodeURIComponent(id)}`));
	const esims = Array.isArray(order.esims) ? (order.esims as IDataObject[]) : [];
	item.json.esims = order.esims ?? [];
	await addActivation(
		ctx,
		item,
		esims.length ? esims : [order],
		ctx.getNodeParameter('qrImage', 'render') as QrImageMode,
	);
}

/** One poll of the eSIM Distribute Trigger: the items to emit, or null when nothing happened. */
export async function pollDistribute(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = ctx.getNodeParameter('event') as string;
	const items =
		event === 'balanceLow'
			? await pollBalanceEvent(ctx, async () => {
					const data = await distributeGet(ctx, '/api/tenant/balance');
					return { balance: Number(data.creditBalance ?? data.balance), data };
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
