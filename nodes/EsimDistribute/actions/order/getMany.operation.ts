import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllLimit } from '../../../shared/fields/descriptions';
import { readLimit } from '../../../shared/execution/readLimit';
import { orderFilters, readOrderFilters } from '../../descriptions/orderFilters';
import { listAll } from '../../transport/list';
import { simplifyOrder } from '../../transport/orders';

const show = { resource: ['order'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllLimit('order', 'getMany'),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether to return only ID, number, status, plan, quantity, amount, customer email and date instead of every field',
	},
	orderFilters(show),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = readOrderFilters(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const rows = await listAll(this, 'orders', filters, readLimit(this.getNodeParameter.bind(this), i), i);
	return rows.map((order) => ({ json: simplify ? simplifyOrder(order) : order }));
}
