import type { INodeProperties } from 'n8n-workflow';

import { qrImageField } from '../../shared/fields/descriptions';
import {
	emitExistingField,
	onlyStatusesField,
	thresholdField,
} from '../../shared/trigger/description';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Credit Balance Below Threshold',
				value: 'balanceLow',
				description:
					'Fires once when the balance drops below the threshold, again only after it went back up',
			},
			{
				name: 'New Order',
				value: 'newOrder',
				description: 'An order was placed (from n8n, the partner console or any other client)',
			},
			{
				name: 'Order Failed',
				value: 'failed',
				description: 'An order failed, was refunded or cancelled',
			},
			{
				name: 'Order Fulfilled',
				value: 'fulfilled',
				description: 'An order was completed; includes the QR delivery details',
			},
			{
				name: 'Order Status Changed',
				value: 'statusChanged',
				description: 'Any change of an order’s status, optionally only to chosen statuses',
			},
		],
		default: 'statusChanged',
	},
	onlyStatusesField(
		[
			{ name: 'Cancelled', value: 'cancelled' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Processing', value: 'processing' },
			{ name: 'Refunded', value: 'refunded' },
		],
		['statusChanged'],
	),
	thresholdField(
		'Threshold',
		'Fire when the credit balance drops below this amount (in the account currency)',
	),
	emitExistingField('orders, a low balance'),
	{
		...qrImageField('render', 'Whether to add the QR code as a PNG in the binary field "qrCode"'),
		displayOptions: { show: { event: ['fulfilled'] } },
	},
];
