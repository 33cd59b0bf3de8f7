import type { INodeProperties } from 'n8n-workflow';

import { qrBinaryField, qrImageField } from '../../../shared/fields/descriptions';
import { spendOptions } from '../../../shared/spend/settings';
import { planLocator } from '../../descriptions/plan';

const show = { resource: ['order'], operation: ['create'] };

export const description: INodeProperties[] = [
	planLocator(show, 'The plan to buy; the price is your reseller price, charged to the wallet'),
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
		default: 1,
		required: true,
		displayOptions: { show },
		description: 'How many eSIMs of this plan to buy in this order (1 to 100)',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.order_id }}-{{ $json.line_item_id }}',
		displayOptions: { show },
		description:
			'Identifies this purchase so it is never made twice. Sending the same key again returns the first order instead of buying again. Leave empty to derive it from the workflow, the input item, the plan, quantity and days.',
		hint: 'Map a stable upstream ID here (e.g. the Shopify order and line IDs) to make re-runs safe even when the input item changes',
	},
	{
		displayName: 'Wait for Fulfilment',
		name: 'waitForFulfilment',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			'Whether to wait until the eSIM is issued and output its ICCID, activation code, install links and QR code',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Days',
				name: 'days',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 365, numberPrecision: 0 },
				default: 1,
				description:
					'Validity period for plans sold per day (for example daily plans); leave unset for fixed plans',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			...spendOptions('the order'),
			qrBinaryField,
			qrImageField('render'),
			{
				displayName: 'Request Timeout (Seconds)',
				name: 'requestTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 300 },
				default: 30,
				description:
					'How long to wait for eSIMTrade to answer the purchase request. The whole answer must have arrived by then: a connection that only trickles data is given up.',
			},
			{
				displayName: 'Wait Timeout (Seconds)',
				name: 'waitTimeout',
				type: 'number',
				typeOptions: { minValue: 5, maxValue: 3600 },
				default: 120,
				description:
					'How long to wait for fulfilment; when it runs out the order is output with fulfilment "timedOut" (or "unknown" when eSIMTrade reports a status this node does not know) and can be checked later with Get Status',
			},
		],
	},
];
