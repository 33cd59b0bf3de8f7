import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { tradeClient } from '../../transport/client';
import { METRICS_FIELDS, tradeSimplifyToggle } from '../../output/simplify';
import { outputShape, pick } from '../../../shared/fields/simplify';

const show = { resource: ['account'], operation: ['getMetrics'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'range',
		type: 'options',
		options: [
			{ name: 'Last 7 Days', value: '7d' },
			{ name: 'Last 30 Days', value: '30d' },
			{ name: 'Last 12 Months', value: '12m' },
		],
		default: '30d',
		displayOptions: { show },
		description: 'Time range the sales, profit and revenue series cover',
	},
	...tradeSimplifyToggle(show, 'the totals, top countries and API usage (no revenue series)'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const range = this.getNodeParameter('range', i) as string;
	const body = await tradeClient(this, i).metrics(range);
	const metrics: IDataObject = {
		range: body.range ?? range,
		...((body.metrics as IDataObject) ?? body),
	};
	return [{ json: outputShape(this, i, (row) => pick(row, METRICS_FIELDS))(metrics) }];
}
