import type { INodeProperties } from 'n8n-workflow';

import * as getBalance from './getBalance.operation';

export const operations = { getBalance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['wallet'] } },
		options: [
			{
				name: 'Get Balance',
				value: 'getBalance',
				description: 'Read the prepaid wallet balance used for purchases',
				action: 'Get the wallet balance',
			},
		],
		default: 'getBalance',
	},
	...getBalance.description,
];
