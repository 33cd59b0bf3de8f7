import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllLimit } from '../../../shared/fields/descriptions';
import { readLimit } from '../../../shared/execution/readLimit';
import { distributeClient } from '../../transport/client';

export const description: INodeProperties[] = [...returnAllLimit('balance', 'getTransactions')];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const rows = await distributeClient(this, i).all(
		'transactions',
		{},
		readLimit(this.getNodeParameter.bind(this), i),
	);
	return rows.map((json) => ({ json }));
}
