import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { crossThreshold } from './events';
import { triggerState } from './state';

/**
 * "Balance below threshold": fires once when the balance drops below the
 * node's Threshold, and again only after it was back at or above it. Manual
 * mode returns the current balance as a sample without touching the state.
 */
export async function pollBalanceEvent(
	ctx: IPollFunctions,
	read: () => Promise<{ balance: number; data: IDataObject }>,
): Promise<INodeExecutionData[]> {
	const threshold = ctx.getNodeParameter('threshold', 50) as number;
	const { balance, data } = await read();
	const observedAt = new Date().toISOString();
	const items: INodeExecutionData[] = [
		{
			json: {
				...data,
				event: 'balanceLow',
				eventId: `balanceLow:${threshold}:${observedAt}`,
				balance,
				threshold,
				observedAt,
			},
		},
	];
	if (ctx.getMode() === 'manual') return items;
	const stored = triggerState(ctx);
	const previous = stored.read('balance') as { v?: number; kind?: string } | undefined;
	const kind = `balance:${threshold}`;
	const emitExisting = ctx.getNodeParameter('emitExisting', false) as boolean;
	const { state, fired } = crossThreshold(previous, kind, balance, threshold, emitExisting);
	stored.write(
		'balance',
		state as unknown as IDataObject,
		previous?.v !== 1 || previous.kind !== kind,
	);
	return fired ? items : [];
}
