import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { qrImageField } from '../../shared/fields/descriptions';
import {
	emitExistingField,
	eventOptions,
	onlyStatusesField,
	thresholdField,
} from '../../shared/trigger/description';

import { statusFilter } from '../descriptions/status';
import { onEvents, POLLING_EVENTS, TRADE_EVENTS, type PollingEvent } from '../events/catalogue';

/** The events Only These Statuses narrows. */
const STATUS_FILTERED: PollingEvent[] = ['statusChanged', 'esimStatusChanged'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: eventOptions(TRADE_EVENTS, POLLING_EVENTS),
		default: 'statusChanged',
	},
	onlyStatusesField(
		(statusFilter('').options ?? []).filter(
			(o) => 'value' in o && o.value !== 'active',
		) as INodePropertyOptions[],
		STATUS_FILTERED,
	),
	thresholdField('Threshold (USD)', 'Fire when the wallet balance drops below this amount'),
	{
		displayName:
			'Each poll reads the usage of every watched eSIM: one request per eSIM. Keep the number watched small, or poll less often.',
		name: 'usageNotice',
		type: 'notice',
		default: '',
		displayOptions: onEvents('usageCrossed'),
	},
	{
		displayName: 'Usage Percentage',
		name: 'usagePercent',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 80,
		displayOptions: onEvents('usageCrossed'),
		description: 'Fire once per eSIM when its used data reaches this share of the plan’s data',
	},
	{
		displayName: 'Max eSIMs Watched',
		name: 'maxWatched',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 20,
		displayOptions: onEvents('usageCrossed'),
		description: 'The newest active eSIMs up to this number are watched',
	},
	emitExistingField('orders, eSIMs, a low balance'),
	{
		...qrImageField('render', 'Whether to add the QR code as a PNG in the binary field "qrCode"'),
		displayOptions: onEvents('fulfilled'),
	},
];
