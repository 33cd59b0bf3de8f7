import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { pollBalance } from './balance';
import { isStatusEvent, type PollingEvent } from '../events/catalogue';
import { pollOrderEvents } from './orderEvents';
import { pollUsage } from './usage';

/** One poll of the eSIMTrade Trigger: the items to emit, or null when nothing happened. */
export async function pollTrade(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = ctx.getNodeParameter('event') as PollingEvent;
	const items = isStatusEvent(event)
		? await pollOrderEvents(ctx, event)
		: event === 'balanceLow'
			? await pollBalance(ctx)
			: await pollUsage(ctx);
	return items.length ? [items] : null;
}
