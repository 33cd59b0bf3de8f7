import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as get from './get.operation';
import * as getTransactions from './getTransactions.operation';

export const operations = { get, getTransactions };

export const description: INodeProperties[] = operationSelector(
	'balance',
	operations,
	[
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
	'get',
);
