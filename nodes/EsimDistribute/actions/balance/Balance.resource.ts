import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getTransactions from './getTransactions.operation';

export const operations = { get, getTransactions };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['balance'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'The credit balance checkouts are paid from',
				action: 'Get the credit balance',
			},
			{
				name: 'Get Transactions',
				value: 'getTransactions',
				description: 'Checkouts, refunds and top-ups that moved the balance, newest first',
				action: 'Get balance transactions',
			},
		],
		default: 'get',
	},
	...get.description,
	...getTransactions.description,
];
