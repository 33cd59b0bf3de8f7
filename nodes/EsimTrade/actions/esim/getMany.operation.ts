import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { activationFrom } from '../../../shared/activation';
import { readLimit, returnAllLimit } from '../../../shared/descriptions';
import { statusFilter } from '../../descriptions/status';
import { listAll } from '../../transport/list';

export const description: INodeProperties[] = [
	...returnAllLimit('esim', 'getMany'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['esim'], operation: ['getMany'] } },
		options: [statusFilter('Only eSIMs with this status')],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const rows = await listAll(this, 'esims', filters, readLimit(this.getNodeParameter.bind(this), i), i);
	return rows.map((row) => ({ json: { ...row, ...activationFrom(row) } }));
}
