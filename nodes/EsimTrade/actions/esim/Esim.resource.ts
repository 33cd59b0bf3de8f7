import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = operationSelector(
	'esim',
	operations,
	[
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the eSIM inventory with ICCIDs and QR code URLs',
			action: 'Get many ESIM profiles',
		},
	],
	'getMany',
);
