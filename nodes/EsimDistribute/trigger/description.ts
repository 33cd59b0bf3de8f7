import type { INodeProperties } from 'n8n-workflow';

import { qrImageField } from '../../shared/fields/descriptions';
import {
	emitExistingField,
	eventOptions,
	onlyStatusesField,
	thresholdField,
} from '../../shared/trigger/description';
import {
	DISTRIBUTE_EVENTS,
	DISTRIBUTE_POLLING_EVENTS,
	onEvents,
	type DistributeEvent,
} from '../events/catalogue';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: eventOptions(DISTRIBUTE_EVENTS, DISTRIBUTE_POLLING_EVENTS),
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
		['statusChanged'] satisfies DistributeEvent[],
	),
	thresholdField(
		'Threshold',
		'Fire when the credit balance drops below this amount (in the account currency)',
	),
	emitExistingField('orders, a low balance'),
	{
		...qrImageField('render', 'Whether to add the QR code as a PNG in the binary field "qrCode"'),
		displayOptions: onEvents('fulfilled'),
	},
];
