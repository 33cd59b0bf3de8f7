import type { IDataObject } from 'n8n-workflow';

import { classifyStatus } from '../../shared/esim/status';

/** Deliveries and emitted events remembered, newest last; older ones are forgotten. */
export const MAX_REMEMBERED = 1000;
/** Orders whose last status is remembered (to refuse repeats and backward moves). */
export const MAX_ORDERS = 2000;

/** What the webhook trigger keeps in the workflow's static data. Survives JSON and stays bounded. */
export interface WebhookState {
	v: 1;
	/** Delivery ids (or body hashes) already handled. */
	deliveries: string[];
	/** Event ids already emitted. */
	events: string[];
	/** Last status seen per order number, least recently changed first. */
	orders: Record<string, string>;
}

export function loadWebhookState(stored: unknown): WebhookState {
	const s = stored as Partial<WebhookState> | undefined;
	if (
		s?.v === 1 &&
		Array.isArray(s.deliveries) &&
		Array.isArray(s.events) &&
		s.orders &&
		typeof s.orders === 'object'
	) {
		return { v: 1, deliveries: [...s.deliveries], events: [...s.events], orders: { ...s.orders } };
	}
	return { v: 1, deliveries: [], events: [], orders: {} };
}

const FINAL = new Set([
	'used_up',
	'unused_expired',
	'used_expired',
	'expired',
	'cancel',
	'canceled',
	'cancelled',
	'revoked',
	'failed',
	'refunded',
]);

/**
 * Where a status stands in an order's life: 0 pending, 1 issued, 2 in use,
 * 3 final (used up, expired, cancelled, revoked, refunded). An order never moves
 * to a lower rank, and never leaves a final status.
 */
export function statusRank(status: string): number {
	const value = status.toLowerCase();
	if (FINAL.has(value)) return 3;
	if (value === 'in_use' || value === 'active') return 2;
	return classifyStatus(value) === 'pending' ? 0 : 1;
}

/** Whether moving from `last` (undefined: never seen) to `status` is news, not a repeat or a step back. */
export function isForward(last: string | undefined, status: string): boolean {
	if (last === undefined) return true;
	if (last === status) return false;
	const from = statusRank(last);
	return from < 3 && statusRank(status) >= from;
}

function remember(list: string[], value: string): void {
	list.push(value);
	if (list.length > MAX_REMEMBERED) list.splice(0, list.length - MAX_REMEMBERED);
}

export const rememberDelivery = (state: WebhookState, id: string) => remember(state.deliveries, id);
export const rememberEvent = (state: WebhookState, id: string) => remember(state.events, id);

/** Records an order's status as its most recent one; the least recently changed order is forgotten first. */
export function rememberStatus(state: WebhookState, orderNo: string, status: string): void {
	delete state.orders[orderNo];
	state.orders[orderNo] = status;
	const keys = Object.keys(state.orders);
	for (const key of keys.slice(0, Math.max(0, keys.length - MAX_ORDERS))) delete state.orders[key];
}

/** Stores the state in the node's static data. */
export function saveWebhookState(staticData: IDataObject, state: WebhookState): void {
	staticData.webhook = state as unknown as IDataObject;
}
