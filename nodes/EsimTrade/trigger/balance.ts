import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { crossThreshold } from '../../shared/trigger/events';
import { dataOf, tradeGet } from '../transport';

/** Wallet balance in USD from `GET /portal/balance` (cents preferred, then the display strings). */
export function balanceUsd(data: IDataObject): number {
	const cents = Number(data.walletBalanceCents);
	if (Number.isFinite(cents)) return cents / 100;
	return Number(String(data.walletBalanceUsd ?? data.balance ?? '').replace(/[^0-9.-]/g, ''));
}

/** Fires once when the balance drops below the threshold; re-arms when it is back at or above it. */
export async function pollBalance(ctx: IPollFunctions): Promise<INodeExecutionData[]> {
	const threshold = ctx.getNodeParameter('threshold', 50) as number;
	const data = dataOf(await tradeGet(ctx, '/portal/balance', undefined));
	const balance = balanceUsd(data);
	const observedAt = new Date().toISOString();
	const item = (): INodeExecutionData[] => [
		{ json: { event: 'balanceLow', eventId: `balanceLow:${threshold}:${observedAt}`, balanceUsd: balance, threshold, ...data, observedAt } },
	];
	if (ctx.getMode() === 'manual') return item();
	const staticData = ctx.getWorkflowStaticData('node');
	const emitExisting = ctx.getNodeParameter('emitExisting', false) as boolean;
	const { state, fired } = crossThreshold(staticData.balance, `balance:${threshold}`, balance, threshold, emitExisting);
	staticData.balance = state as unknown as IDataObject;
	return fired ? item() : [];
}
