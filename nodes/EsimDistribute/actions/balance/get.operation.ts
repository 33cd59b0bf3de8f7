import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { distributeGet } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return [{ json: await distributeGet(this, '/api/tenant/balance', undefined, i) }];
}
