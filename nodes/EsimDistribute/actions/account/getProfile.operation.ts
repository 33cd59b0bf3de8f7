import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { distributeClient } from '../../transport/client';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const data = await distributeClient(this, i).profile();
	return [{ json: (data.tenant as IDataObject | undefined) ?? data }];
}
