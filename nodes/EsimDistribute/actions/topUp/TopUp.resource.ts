import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/execution/router';

import * as create from './create.operation';
import * as getStatus from './getStatus.operation';
import * as uploadProof from './uploadProof.operation';

export const operations = { create, getStatus, uploadProof };

export const description: INodeProperties[] = operationSelector(
	'topUp',
	operations,
	[
		{
			name: 'Create',
			value: 'create',
			description: 'Start adding credit by Stripe or bank transfer',
			action: 'Create a top up within a fixed spending limit',
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			description: 'Where a top-up stands: pending, paid, awaiting proof, approved or rejected',
			action: 'Get the status of a top up',
		},
		{
			name: 'Upload Proof',
			value: 'uploadProof',
			description: 'Send the link to a bank transfer receipt',
			action: 'Upload a bank transfer proof',
		},
	],
	'create',
);
