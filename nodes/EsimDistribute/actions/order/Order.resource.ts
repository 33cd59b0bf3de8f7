import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as checkout from './checkout.operation';
import * as exportOrders from './export.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { checkout, export: exportOrders, get, getMany };

export const description: INodeProperties[] = operationSelector(
	'order',
	operations,
	[
		{
			name: 'Checkout',
			value: 'checkout',
			description: 'Buy one or more plans with the credit balance',
			action: 'Check out plans within a fixed spending limit',
			builderHint: {
				propertyHint:
					'Use Dry Run first to see the total; set Max Total to a fixed amount, not an expression; eSIM Distribute has no idempotency key, so set Skip Repeat Within (Minutes) when one order can start the workflow twice',
			},
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
	'checkout',
);
