import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { executeItems } from '../shared/execution/execute';
import { properties, route } from './actions/router';
import { searchOrders, searchPlans } from './methods/listSearch';

export class EsimDistribute implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eSIM Distribute',
		name: 'esimDistribute',
		icon: { light: 'file:esimDistribute.svg', dark: 'file:esimDistribute.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Buy eSIM plans from the credit balance, follow orders and top up with the eSIM Distribute partner API',
		defaults: { name: 'eSIM Distribute' },
		usableAsTool: true,
		builderHint: {
			searchHint:
				'Buys eSIMs with the eSIM Distribute credit balance (Order > Checkout) and reads plans, orders, the balance and top-ups. A checkout needs a fixed Max Total, never an expression from the order; run it once with Dry Run on first. Order > Get returns the eSIMs with their QR codes once issued.',
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'esimDistributeApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchOrders, searchPlans } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await executeItems(this, route)];
	}
}
