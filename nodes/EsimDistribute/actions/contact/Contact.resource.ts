import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as submit from './submit.operation';

export const operations = { submit };

export const description: INodeProperties[] = operationSelector(
	'contact',
	operations,
	[
		{
			name: 'Submit',
			value: 'submit',
			description: 'Send the public contact form (no sign-in needed)',
			action: 'Submit the contact form',
		},
	],
	'submit',
);
