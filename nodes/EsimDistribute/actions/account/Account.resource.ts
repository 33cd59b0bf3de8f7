import type { INodeProperties } from 'n8n-workflow';

import * as getProfile from './getProfile.operation';
import * as register from './register.operation';

export const operations = { getProfile, register };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
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
		default: 'getProfile',
	},
	...getProfile.description,
	...register.description,
];
