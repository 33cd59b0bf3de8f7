import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as getProfile from './getProfile.operation';
import * as register from './register.operation';

export const operations = { getProfile, register };

export const description: INodeProperties[] = operationSelector(
	'account',
	operations,
	[
		{
			name: 'Get Profile',
			value: 'getProfile',
			description: 'The signed-in tenant: name, subdomain, status and credit balance',
			action: 'Get the tenant profile',
		},
		{
			name: 'Register',
			value: 'register',
			description: 'Create a new tenant account (no sign-in needed)',
			action: 'Register a tenant account',
		},
	],
	'getProfile',
);
