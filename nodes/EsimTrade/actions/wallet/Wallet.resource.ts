import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as getBalance from './getBalance.operation';

export const operations = { getBalance };

export const description: INodeProperties[] = operationSelector(
	'wallet',
	operations,
	[
		{
			name: 'Get Balance',
			value: 'getBalance',
			description: 'Read the prepaid wallet balance used for purchases',
			action: 'Get the wallet balance',
		},
	],
	'getBalance',
);
