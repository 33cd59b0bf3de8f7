import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { pollBalanceEvent } from '../../shared/trigger/balance';
import { tradeClient } from '../transport/client';

export async function pollBalance(ctx: IPollFunctions): Promise<INodeExecutionData[]> {
	return await pollBalanceEvent(ctx, async () => {
		// An unreadable balance is NaN: it never counts as below the threshold.
		const { data, usd } = await tradeClient(ctx).balance();
		return { balance: usd ?? Number.NaN, data };
	});
}
