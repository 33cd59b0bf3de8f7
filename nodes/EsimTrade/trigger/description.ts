import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { qrImageField } from '../../shared/fields/descriptions';
import {
	emitExistingField,
	onlyStatusesField,
	thresholdField,
} from '../../shared/trigger/description';

import { statusFilter } from '../descriptions/status';

const orderEvents = ['statusChanged', 'newOrder', 'fulfilled', 'failed', 'esimStatusChanged'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Data Usage Crossed a Percentage',
				value: 'usageCrossed',
				description: 'An active eSIM used at least the given share of its data',
			},
			{
				name: 'ESIM Status Changed',
				value: 'esimStatusChanged',
				description: 'An eSIM in the inventory moved to another status',
			},
			{
				name: 'New Order',
				value: 'newOrder',
				description: 'An order was placed (from n8n, the portal or any other client)',
			},
			{
				name: 'Order Failed',
				value: 'failed',
				description: 'An order was cancelled or failed at the provider',
			},
			{
				name: 'Order Fulfilled',
				value: 'fulfilled',
				description: 'An order’s eSIM was issued; includes the activation details and QR code',
			},
			{
				name: 'Order Status Changed',
				value: 'statusChanged',
				description: 'Any change of an order’s status, optionally only to chosen statuses',
			},
			{
				name: 'Wallet Balance Below Threshold',
				value: 'balanceLow',
				description:
					'Fires once when the balance drops below the threshold, again only after it went back up',
			},
		],
		default: 'statusChanged',
	},
	onlyStatusesField(
		(statusFilter('').options ?? []).filter(
			(o) => 'value' in o && o.value !== 'active',
		) as INodePropertyOptions[],
		['statusChanged', 'esimStatusChanged'],
	),
	thresholdField('Threshold (USD)', 'Fire when the wallet balance drops below this amount'),
	{
		displayName:
			'Each poll reads the usage of every watched eSIM: one request per eSIM. Keep the number watched small, or poll less often.',
		name: 'usageNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { event: ['usageCrossed'] } },
	},
	{
		displayName: 'Usage Percentage',
		name: 'usagePercent',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 80,
		displayOptions: { show: { event: ['usageCrossed'] } },
		description: 'Fire once per eSIM when its used data reaches this share of the plan’s data',
	},
	{
		displayName: 'Max eSIMs Watched',
		name: 'maxWatched',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 20,
		displayOptions: { show: { event: ['usageCrossed'] } },
		description: 'The newest active eSIMs up to this number are watched',
	},
	emitExistingField('orders, eSIMs, a low balance'),
	{
		...qrImageField('render', 'Whether to add the QR code as a PNG in the binary field "qrCode"'),
		displayOptions: { show: { event: ['fulfilled'] } },
	},
];

export const isOrderEvent = (event: string) => orderEvents.includes(event);
