import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dataOf, tradeGet } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const data = dataOf(await tradeGet(this, '/portal/balance', undefined, i));
	const cents = Number(data.walletBalanceCents);
	return [{ json: { ...data, ...(Number.isFinite(cents) ? { balanceUsd: cents / 100 } : {}) } }];
}
