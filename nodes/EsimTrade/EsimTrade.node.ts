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

export class EsimTrade implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eSIMTrade',
		name: 'esimTrade',
		icon: { light: 'file:esimTrade.svg', dark: 'file:esimTrade.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Buy eSIMs, top them up and follow orders with the eSIMTrade reseller API',
		defaults: { name: 'eSIMTrade' },
		usableAsTool: true,
		builderHint: {
			searchHint:
				'Buys eSIMs from the eSIMTrade wallet (Order > Create) and reads plans, orders, eSIMs and the balance. A purchase needs a fixed Max Total, never an expression from the order; run it once with Dry Run on first. Get Status or the eSIMTrade Trigger follow an order until its eSIMs are issued.',
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'esimTradeApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchOrders, searchPlans } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await executeItems(this, route)];
	}
}
