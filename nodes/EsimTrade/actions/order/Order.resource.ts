import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as getStatus from './getStatus.operation';

export const operations = { create, getMany, getStatus };

export const description: INodeProperties[] = operationSelector(
	'order',
	operations,
	[
		{
			name: 'Create',
			value: 'create',
			description: 'Buy eSIMs from the wallet, safely repeatable with an idempotency key',
			action: 'Create an order within a fixed spending limit',
			builderHint: {
				propertyHint:
					'Use Dry Run first to see the total; set Max Total to a fixed amount, not an expression; map a stable upstream order ID into Idempotency Key so a retry never buys twice',
			},
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List orders, newest first',
			action: 'Get many orders',
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			description: 'Live status and activation details of one order or eSIM',
			action: 'Get the status of an order',
		},
	],
	'create',
);
