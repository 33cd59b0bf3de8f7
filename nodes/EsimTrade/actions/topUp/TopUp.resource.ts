import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as create from './create.operation';
import * as getOptions from './getOptions.operation';

export const operations = { create, getOptions };

export const description: INodeProperties[] = operationSelector(
	'topUp',
	operations,
	[
		{
			name: 'Create',
			value: 'create',
			description: 'Add data to an eSIM you sold, charged to the wallet',
			action: 'Create a top up within a fixed spending limit',
		},
		{
			name: 'Get Options',
			value: 'getOptions',
			description: 'List the top-up plans an eSIM can take',
			action: 'Get top up options',
		},
	],
	'getOptions',
);
