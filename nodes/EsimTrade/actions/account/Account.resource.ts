import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as getMetrics from './getMetrics.operation';
import * as getProfile from './getProfile.operation';
import * as setWebhook from './setWebhook.operation';
import * as updateProfile from './updateProfile.operation';

export const operations = { getMetrics, getProfile, setWebhook, updateProfile };

export const description: INodeProperties[] = operationSelector(
	'account',
	operations,
	[
		{
			name: 'Get Metrics',
			value: 'getMetrics',
			description: 'Sales, profit, top countries, revenue series and API usage',
			action: 'Get account metrics',
		},
		{
			name: 'Get Profile',
			value: 'getProfile',
			description: 'Account and company profile with the wallet balance',
			action: 'Get the account profile',
		},
		{
			name: 'Set Webhook URL',
			value: 'setWebhook',
			description: 'Change where eSIMTrade sends events (portal sessions only)',
			action: 'Set the webhook URL',
		},
		{
			name: 'Update Profile',
			value: 'updateProfile',
			description: 'Change company name, country or website',
			action: 'Update the account profile',
		},
	],
	'getProfile',
);
