import type { EventEntry, StatusEvent } from '../../shared/trigger/types';

/**
 * Every event the eSIMTrade triggers report, once: the polling trigger's and
 * the webhook trigger's Trigger On lists are built from it, and the event
 * logic is typed by it, so an event misspelt anywhere fails to compile.
 */
export const TRADE_EVENTS = {
	usageCrossed: {
		name: 'Data Usage Crossed a Percentage',
		description: 'An active eSIM used at least the given share of its data',
	},
	esimStatusChanged: {
		name: 'ESIM Status Changed',
		description: 'An eSIM in the inventory moved to another status',
	},
	newOrder: {
		name: 'New Order',
		description: 'An order was placed (from n8n, the portal or any other client)',
	},
	failed: {
		name: 'Order Failed',
		description: 'An order was cancelled or failed at the provider',
	},
	fulfilled: {
		name: 'Order Fulfilled',
		description: 'An order’s eSIM was issued; includes the activation details and QR code',
	},
	statusChanged: {
		name: 'Order Status Changed',
		description: 'Any change of an order’s status, optionally only to chosen statuses',
	},
	balanceLow: {
		name: 'Wallet Balance Below Threshold',
		description:
			'Fires once when the balance drops below the threshold, again only after it went back up',
	},
	refundCompleted: {
		name: 'Refund Completed',
		description: 'A refund of an order was completed at eSIMTrade',
	},
	topUpCompleted: {
		name: 'Top-Up Completed',
		description: 'A data top-up or wallet top-up was completed',
	},
} as const satisfies Record<string, EventEntry>;

export type TradeEvent = keyof typeof TRADE_EVENTS;

/** Order and eSIM status events, read from the order and eSIM lists. */
export const TRADE_STATUS_EVENTS = [
	'statusChanged',
	'newOrder',
	'fulfilled',
	'failed',
	'esimStatusChanged',
] as const satisfies readonly (StatusEvent & TradeEvent)[];
export type TradeStatusEvent = (typeof TRADE_STATUS_EVENTS)[number];

/** The events of the polling trigger (parameter `event`). */
export const POLLING_EVENTS = [
	...TRADE_STATUS_EVENTS,
	'balanceLow',
	'usageCrossed',
] as const satisfies readonly TradeEvent[];
export type PollingEvent = (typeof POLLING_EVENTS)[number];

/** The events of the webhook trigger (parameter `events`), in the order a delivery is matched against them: the most specific first. */
export const WEBHOOK_EVENTS = [
	'refundCompleted',
	'topUpCompleted',
	'fulfilled',
	'failed',
	'newOrder',
	'statusChanged',
] as const satisfies readonly TradeEvent[];
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const isStatusEvent = (event: PollingEvent): event is TradeStatusEvent =>
	(TRADE_STATUS_EVENTS as readonly string[]).includes(event);

/** `displayOptions` that show a field only for these polling events. */
export const onEvents = (...event: PollingEvent[]) => ({ show: { event } });
