import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['esim'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the eSIM inventory with ICCIDs and QR code URLs',
				action: 'Get many ESIM profiles',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
