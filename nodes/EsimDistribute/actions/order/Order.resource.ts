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
