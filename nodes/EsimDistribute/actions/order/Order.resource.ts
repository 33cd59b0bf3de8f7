import type { INodeProperties } from 'n8n-workflow';

import * as checkout from './checkout.operation';
import * as exportOrders from './export.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { checkout, export: exportOrders, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Checkout',
				value: 'checkout',
				description: 'Buy one or more plans with the credit balance',
				action: 'Check out plans within a fixed spending limit',
			},
			{
				name: 'Export',
				value: 'export',
				description: 'Download order records as a CSV file',
				action: 'Export orders as CSV',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'One order with its eSIMs, activation details and QR code',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List orders, newest first',
				action: 'Get many orders',
			},
		],
		default: 'checkout',
	},
	...checkout.description,
	...exportOrders.description,
	...get.description,
	...getMany.description,
];
