import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { distributeClient } from '../../transport/client';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return [{ json: (await distributeClient(this, i).balance()).data }];
}
