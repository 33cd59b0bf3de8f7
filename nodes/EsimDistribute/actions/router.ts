import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/execute';
import * as account from './account/Account.resource';
import * as balance from './balance/Balance.resource';
import * as contact from './contact/Contact.resource';
import * as order from './order/Order.resource';
import * as plan from './plan/Plan.resource';
import * as topUp from './topUp/TopUp.resource';

/** Resource → operation → implementation; a resource without its operations fails to compile. */
const resources = { account, balance, contact, order, plan, topUp } satisfies Record<
	string,
	{ operations: Record<string, { execute: ItemOperation }>; description: INodeProperties[] }
>;

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Balance', value: 'balance' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Order', value: 'order' },
			{ name: 'Plan', value: 'plan' },
			{ name: 'Top-Up', value: 'topUp' },
		],
		default: 'order',
	},
	...Object.values(resources).flatMap((resource) => resource.description),
];

/** The operation chosen for an item. */
export function route(ctx: IExecuteFunctions, itemIndex: number): ItemOperation {
	const resource = ctx.getNodeParameter('resource', itemIndex) as keyof typeof resources;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const operations = resources[resource]?.operations as Record<string, { execute: ItemOperation }> | undefined;
	const found = operations?.[operation];
	if (!found) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex });
	}
	return found.execute;
}
