import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { classifyStatus } from '../../shared/esim/status';
import { eventItem } from '../../shared/trigger/events';
import { wantedChange } from '../../shared/trigger/statusEvents';
import type { Change } from '../../shared/trigger/types';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../events/catalogue';
import type { DeliveryKind } from './payload';

/** The most specific chosen event an order change is, or undefined when none of the chosen ones fits. */
export function pickOrderEvent(
	events: readonly WebhookEvent[],
	kind: DeliveryKind,
	change: Change,
	statuses: string[],
): WebhookEvent | undefined {
	for (const event of WEBHOOK_EVENTS) {
		if (!events.includes(event)) continue;
		if (event === 'refundCompleted' || event === 'topUpCompleted') continue;
		if (event === 'newOrder') {
			const looksNew =
				kind === 'newOrder' ||
				(change.previousStatus === null && classifyStatus(change.status) === 'pending');
			if (looksNew) return event;
			continue;
		}
		if (wantedChange(event, change, statuses)) return event;
	}
	return undefined;
}

/** The polling trigger's event item for an order change (same fields, same event id). */
export function orderEventItem(
	event: WebhookEvent,
	change: Change,
	observedAt: string,
): INodeExecutionData {
	return { json: eventItem(event, 'providerOrderNo', change, observedAt) };
}

/** A delivery the trigger could not tie to anything the API knows. */
export function unconfirmedItem(
	reason: string,
	deliveryKey: string,
	fields: IDataObject,
	observedAt: string,
): INodeExecutionData {
	return {
		json: {
			...fields,
			event: 'unconfirmed',
			eventId: `unconfirmed:${deliveryKey}`,
			unconfirmed: true,
			reason,
			observedAt,
		},
	};
}
