import type { INodeProperties } from 'n8n-workflow';

import * as submit from './submit.operation';

export const operations = { submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Submit',
				value: 'submit',
				description: 'Send the public contact form (no sign-in needed)',
				action: 'Submit the contact form',
			},
		],
		default: 'submit',
	},
	...submit.description,
];
