import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { get, getMany };

export const description: INodeProperties[] = operationSelector(
	'plan',
	operations,
	[
		{
			name: 'Get',
			value: 'get',
			description: 'Read one plan with your reseller price',
			action: 'Get a plan',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the catalog with reseller prices, optionally filtered',
			action: 'Get many plans',
		},
	],
	'getMany',
);
