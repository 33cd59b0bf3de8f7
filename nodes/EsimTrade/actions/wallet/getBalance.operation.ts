import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { tradeClient } from '../../transport/client';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { data, cents } = await tradeClient(this, i).balance();
	return [{ json: { ...data, ...(cents !== undefined ? { balanceUsd: cents / 100 } : {}) } }];
}
