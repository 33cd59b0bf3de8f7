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
