import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { qrImageField } from '../../shared/fields/descriptions';
import { eventOptions } from '../../shared/trigger/description';
import { TRADE_EVENTS, WEBHOOK_EVENTS } from '../events/catalogue';
import { statusFilter } from '../descriptions/status';
import { DEFAULT_MAX_AGE_MINUTES } from './request';
import { DEFAULT_SIGNATURE_HEADER } from './signature';

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
		options: eventOptions(TRADE_EVENTS, WEBHOOK_EVENTS),
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
