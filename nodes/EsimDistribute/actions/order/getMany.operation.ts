import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllLimit } from '../../../shared/fields/descriptions';
import { readLimit } from '../../../shared/execution/readLimit';
import { orderFilters, readOrderFilters } from '../../descriptions/orderFilters';
import { distributeClient } from '../../transport/client';
import { simplifiedItems } from '../../../shared/fields/simplify';
import { distributeSimplifyToggle, simplifyOrder } from '../../output/simplify';

const show = { resource: ['order'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllLimit('order', 'getMany'),
	...distributeSimplifyToggle(
		show,
		'ID, number, status, plan, quantity, amount, customer email and date',
	),
	orderFilters(show),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = readOrderFilters(this, i);
	const rows = await distributeClient(this, i).all(
		'orders',
		filters,
		readLimit(this.getNodeParameter.bind(this), i),
	);
	return simplifiedItems(this, i, rows, simplifyOrder);
}
