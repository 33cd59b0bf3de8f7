import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllLimit } from '../../../shared/fields/descriptions';
import { readLimit } from '../../../shared/execution/readLimit';
import { tradeClient } from '../../transport/client';
import { statusFilter } from '../../descriptions/status';
import { ORDER_ROW_FIELDS, tradeSimplifyToggle } from '../../output/simplify';
import { pick, simplifiedItems } from '../../../shared/fields/simplify';
import { createdWindowFilters, inWindow, pastWindow, readCreatedWindow } from './createdWindow';

const show = { resource: ['order'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllLimit('order', 'getMany'),
	...tradeSimplifyToggle(show, 'the order number, status, plan, quantity, total and dates'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			...createdWindowFilters,
			statusFilter('Only orders with this status'),
			{
				displayName: 'Search',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Text to find in the order number, package name or plan slug',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { createdAfter, createdBefore, ...filters } = this.getNodeParameter(
		'filters',
		i,
		{},
	) as IDataObject;
	const node = this.getNode();
	const window = readCreatedWindow(node, { createdAfter, createdBefore }, i);
	const rows = await tradeClient(this, i).all(
		'orders',
		filters,
		readLimit(this.getNodeParameter.bind(this), i),
		window && {
			keep: (row) => inWindow(node, window, row, i),
			stopAfter: (page) => pastWindow(window, page),
		},
	);
	return simplifiedItems(this, i, rows, (row) => pick(row, ORDER_ROW_FIELDS));
}
