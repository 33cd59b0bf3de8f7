import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { qrImageField } from '../../shared/fields/descriptions';
import { statusFilter } from '../descriptions/status';
import { DEFAULT_MAX_AGE_MINUTES } from './request';
import { DEFAULT_SIGNATURE_HEADER } from './signature';

/** Events in the order a delivery is matched against them: the most specific first. */
export const WEBHOOK_EVENTS = [
	'refundCompleted',
	'topUpCompleted',
	'fulfilled',
	'failed',
	'newOrder',
	'statusChanged',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Copy the Production URL shown above (Webhook URLs) into the eSIMTrade reseller portal, under Webhook settings, then publish this workflow. eSIMTrade’s API keys cannot set the URL: only a portal login can.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			'Set a Webhook Signing Secret in the eSIMTrade credential (the same one as in the portal) so that only signed deliveries start this workflow. Without one, anyone who knows the URL can trigger it.',
		name: 'signatureNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		noDataExpression: true,
		options: [
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
				name: 'Refund Completed',
				value: 'refundCompleted',
				description: 'A refund of an order was completed at eSIMTrade',
			},
			{
				name: 'Top-Up Completed',
				value: 'topUpCompleted',
				description: 'A data top-up or wallet top-up was completed',
			},
		],
		default: ['statusChanged'],
		required: true,
		description:
			'Which deliveries start the workflow. Each delivery starts at most one execution, as the most specific chosen event: a refund or top-up, else fulfilled or failed, else new order, else status changed.',
	},
	{
		displayName: 'Only These Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: (statusFilter('').options ?? []).filter(
			(o) => 'value' in o && o.value !== 'active',
		) as INodePropertyOptions[],
		default: [],
		description:
			'For Order Status Changed: report only changes to these statuses; leave empty for every change',
	},
	{
		displayName: 'Confirm With the API',
		name: 'confirm',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the order’s current status from the eSIMTrade API instead of trusting the delivery (whose format is not documented). One or two requests per delivery.',
	},
	{
		...qrImageField(
			'render',
			'For Order Fulfilled: whether to add the QR code as a PNG in the binary field "qrCode"',
		),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Max Delivery Age (Minutes)',
				name: 'maxAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_AGE_MINUTES,
				description:
					'A delivery whose signed body says it was sent longer ago than this is refused (HTTP 400) as a replay; 0 switches the check off. The time is read from the body’s "timestamp", "sentAt", "occurredAt" or, beside a "type", "createdAt".',
				hint: 'Deliveries that carry no send time are not checked',
			},
			{
				displayName: 'Pass On Unrecognised Deliveries',
				name: 'passUnrecognised',
				type: 'boolean',
				default: true,
				description:
					'Whether a delivery that names no order, ICCID or top-up still starts the workflow, marked with event "unconfirmed"',
			},
			{
				displayName: 'Signature Header',
				name: 'signatureHeader',
				type: 'string',
				default: DEFAULT_SIGNATURE_HEADER,
				description:
					'Request header holding the HMAC SHA-256 signature of the body (hex or base64, with or without "sha256="). eSIMTrade does not document its name.',
			},
		],
	},
];
