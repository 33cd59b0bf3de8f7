import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['plan'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the plans currently on sale, with their IDs for checkout',
				action: 'Get many plans',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
