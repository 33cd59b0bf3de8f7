import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = operationSelector(
	'plan',
	operations,
	[
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the plans currently on sale, with their IDs for checkout',
			action: 'Get many plans',
		},
	],
	'getMany',
);
