import type { INodeProperties } from 'n8n-workflow';

export const ORDER_EVENTS = ['statusChanged', 'newOrder', 'fulfilled', 'failed'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Credit Balance Below Threshold', value: 'balanceLow', description: 'Fires once when the balance drops below the threshold, again only after it went back up' },
			{ name: 'New Order', value: 'newOrder', description: 'An order was placed (from n8n, the partner console or any other client)' },
			{ name: 'Order Failed', value: 'failed', description: 'An order failed, was refunded or cancelled' },
			{ name: 'Order Fulfilled', value: 'fulfilled', description: 'An order was completed; includes the QR delivery details' },
			{ name: 'Order Status Changed', value: 'statusChanged', description: 'Any change of an order’s status, optionally only to chosen statuses' },
		],
		default: 'statusChanged',
	},
	{
		displayName: 'Only These Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: [
			{ name: 'Cancelled', value: 'cancelled' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Processing', value: 'processing' },
			{ name: 'Refunded', value: 'refunded' },
		],
		default: [],
		displayOptions: { show: { event: ['statusChanged'] } },
		description: 'Report only changes to these statuses; leave empty for every change',
	},
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 50,
		displayOptions: { show: { event: ['balanceLow'] } },
		description: 'Fire when the credit balance drops below this amount (in the account currency)',
	},
	{
		displayName: 'Emit Existing',
		name: 'emitExisting',
		type: 'boolean',
		default: false,
		description:
			'Whether the first poll after activation reports what already exists (orders, a low balance); by default it only records them and reports later changes',
	},
	{
		displayName: 'QR Code Image',
		name: 'qrImage',
		type: 'options',
		options: [
			{ name: 'Render From Activation Code', value: 'render' },
			{ name: 'Download From Provider', value: 'download' },
			{ name: 'None', value: 'none' },
		],
		default: 'render',
		displayOptions: { show: { event: ['fulfilled'] } },
		description: 'Whether to add the QR code as a PNG in the binary field "qrCode"',
	},
];
