import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { tradeGet } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = await tradeGet(this, '/reseller/profile', undefined, i);
	return [{ json: (body.profile as IDataObject) ?? body }];
}
