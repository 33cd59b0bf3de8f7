import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { pollBalanceEvent } from '../../shared/trigger/balance';
import { dataOf, tradeGet } from '../transport';

/** Wallet balance in USD from `GET /portal/balance` (cents preferred, then the display strings). */
export function balanceUsd(data: IDataObject): number {
	const cents = Number(data.walletBalanceCents);
	if (Number.isFinite(cents)) return cents / 100;
	return Number(String(data.walletBalanceUsd ?? data.balance ?? '').replace(/[^0-9.-]/g, ''));
}

export async function pollBalance(ctx: IPollFunctions): Promise<INodeExecutionData[]> {
	return await pollBalanceEvent(ctx, async () => {
		const data = dataOf(await tradeGet(ctx, '/portal/balance', undefined));
		return { balance: balanceUsd(data), data };
	});
}
