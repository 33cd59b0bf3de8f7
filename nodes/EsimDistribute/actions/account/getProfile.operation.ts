import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { distributeGet } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const data = await distributeGet(this, '/api/tenant/profile', undefined, i);
	return [{ json: (data.tenant as IDataObject | undefined) ?? data }];
}
