import type { INodeProperties } from 'n8n-workflow';

import { qrBinaryField, qrImageField } from '../../../shared/fields/descriptions';
import { spendOptions } from '../../../shared/spend/settings';
import { planLocator } from '../../descriptions/locators';

const show = { resource: ['order'], operation: ['checkout'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'eSIM Distribute has no duplicate protection for checkouts. If the connection drops after sending, the node looks the new orders up instead of buying again, and reports "Outcome unknown" when it cannot find them.',
		name: 'checkoutNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Items Input',
		name: 'itemsInput',
		type: 'options',
		options: [
			{
				name: 'Define Below',
				value: 'fields',
				description: 'Pick each plan and quantity in this node',
			},
			{
				name: 'From JSON',
				value: 'json',
				description: 'Map a JSON array of {planId, quantity}, e.g. from an earlier node',
			},
		],
		default: 'fields',
		displayOptions: { show },
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Plan',
		default: { item: [{ quantity: 1 }] },
		displayOptions: { show: { ...show, itemsInput: ['fields'] } },
		description: 'The plans to buy, paid from the credit balance (1 to 20 lines)',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					planLocator('The plan to buy'),
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
						default: 1,
						description: 'How many eSIMs of this plan to buy (1 to 50)',
					},
				],
			},
		],
	},
	{
		displayName: 'Items (JSON)',
		name: 'itemsJson',
		type: 'json',
		default: '[\n  { "planId": "", "quantity": 1 }\n]',
		displayOptions: { show: { ...show, itemsInput: ['json'] } },
		description:
			'A JSON array of {"planId": "…", "quantity": 1} entries (1 to 20), typed or mapped with an expression',
	},
	{
		displayName: 'Customer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: { show },
		description:
			'The end customer the eSIMs are for; also used to find the orders again if the connection drops',
	},
	{
		displayName: 'Customer Name',
		name: 'customerName',
		type: 'string',
		placeholder: 'e.g. Jane Doe',
		default: '',
		required: true,
		displayOptions: { show },
		description: 'Name of the end customer, as eSIM Distribute requires it for a checkout',
	},
	{
		displayName: 'Wait for Fulfilment',
		name: 'waitForFulfilment',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			'Whether to wait until each order is completed and output one item per eSIM with its ICCID, activation code, install links and QR code',
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
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +852 1234 5678',
				description: 'Phone number of the end customer',
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
			...spendOptions('the checkout'),
			{
				displayName: 'Skip Repeat Within (Minutes)',
				name: 'repeatWindow',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1440 },
				default: 0,
				description:
					'When this customer already has an order with exactly this basket placed within this many minutes, return that order (marked reconciled) instead of buying again. Use it when the same purchase can start the workflow twice, e.g. a webhook re-sent after n8n lost an execution. 0 turns the check off. Costs one extra request.',
			},
			qrBinaryField,
			qrImageField('render'),
			{
				displayName: 'Request Timeout (Seconds)',
				name: 'requestTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 300 },
				default: 30,
				description:
					'How long to wait for eSIM Distribute to answer the checkout before looking the orders up. The whole answer must have arrived by then: a connection that only trickles data is given up.',
			},
			{
				displayName: 'Wait Timeout (Seconds)',
				name: 'waitTimeout',
				type: 'number',
				typeOptions: { minValue: 5, maxValue: 3600 },
				default: 120,
				description:
					'How long to wait, in total, for the orders to be fulfilled; an order still open then is output with fulfilment "timedOut" (or "unknown" when eSIM Distribute reports a status this node does not know) and can be checked later with Get',
			},
		],
	},
];
