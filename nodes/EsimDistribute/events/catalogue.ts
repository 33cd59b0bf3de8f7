import type { EventEntry, StatusEvent } from '../../shared/trigger/types';

/**
 * Every event the eSIM Distribute Trigger reports, once: its Trigger On list
 * is built from it and the event logic is typed by it.
 */
export const DISTRIBUTE_EVENTS = {
	balanceLow: {
		name: 'Credit Balance Below Threshold',
		description:
			'Fires once when the balance drops below the threshold, again only after it went back up',
	},
	newOrder: {
		name: 'New Order',
		description: 'An order was placed (from n8n, the partner console or any other client)',
	},
	failed: {
		name: 'Order Failed',
		description: 'An order failed, was refunded or cancelled',
	},
	fulfilled: {
		name: 'Order Fulfilled',
		description: 'An order was completed; includes the QR delivery details',
	},
	statusChanged: {
		name: 'Order Status Changed',
		description: 'Any change of an order’s status, optionally only to chosen statuses',
	},
} as const satisfies Record<string, EventEntry>;

export type DistributeEvent = keyof typeof DISTRIBUTE_EVENTS;

/** The order status events, read from the order list. */
export type DistributeStatusEvent = Exclude<DistributeEvent, 'balanceLow'> & StatusEvent;

export const DISTRIBUTE_POLLING_EVENTS = Object.keys(DISTRIBUTE_EVENTS) as DistributeEvent[];

/** `displayOptions` that show a field only for these events. */
export const onEvents = (...event: DistributeEvent[]) => ({ show: { event } });
