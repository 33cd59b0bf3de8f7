import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { classifyStatus } from '../../shared/esim/status';

/** Deliveries and ordinary emitted events remembered, newest last; older ones are forgotten. */
export const MAX_REMEMBERED = 1000;
/** Orders whose last status is remembered (to refuse repeats and backward moves). */
export const MAX_ORDERS = 2000;
/** Money events (refunds, top-ups) remembered as emitted, apart from the ordinary ones. */
export const MAX_MONEY = 2000;
/** Longest id or status kept as it is, in bytes; a longer one is kept as its SHA-256. */
export const MAX_KEY_BYTES = 100;
/** Largest the stored state may grow to (JSON bytes): older ordinary entries make room, money entries last. */
export const MAX_STATE_BYTES = 512 * 1024;

/** What the webhook trigger keeps in memory while it decides; null-prototype free (Map, arrays). */
export interface WebhookState {
	/** Delivery keys (body event ids or body hashes) already handled. */
	deliveries: string[];
	/** Ordinary event ids already emitted. */
	events: string[];
	/** Money event ids (refunds, top-ups) already emitted: never pushed out by ordinary deliveries. */
	money: string[];
	/** Last status seen per order, least recently changed first. */
	orders: Map<string, string>;
}

/** How the state is stored in static data: arrays only, so no id can meet an object's prototype. */
interface StoredState {
	v: 2;
	deliveries: string[];
	events: string[];
	money: string[];
	orders: Array<[string, string]>;
}

/** An id or status as stored: as it is up to MAX_KEY_BYTES, else `#` and its SHA-256 (equal in, equal out). */
export function compact(value: string): string {
	if (Buffer.byteLength(value, 'utf8') <= MAX_KEY_BYTES && !value.startsWith('#')) return value;
	return `#${createHash('sha256').update(value, 'utf8').digest('hex')}`;
}

/** A value read back from storage: already compact, unless the stored data was changed. */
const stored = (value: string) =>
	Buffer.byteLength(value, 'utf8') <= MAX_KEY_BYTES ? value : compact(value);

const strings = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map(stored) : [];

function pairs(value: unknown): Array<[string, string]> {
	if (Array.isArray(value))
		return value
			.filter(
				(p): p is [string, string] =>
					Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string',
			)
			.map(([k, s]) => [stored(k), stored(s)]);
	// Version 1 kept a plain object; only its own string entries are read.
	if (value && typeof value === 'object')
		return Object.keys(value)
			.map((k) => [k, (value as Record<string, unknown>)[k]] as const)
			.filter((p): p is readonly [string, string] => typeof p[1] === 'string')
			.map(([k, s]) => [stored(k), stored(s)]);
	return [];
}

export function loadWebhookState(data: unknown): WebhookState {
	const s = (data && typeof data === 'object' ? data : {}) as Partial<StoredState>;
	if ((s.v as number) !== 1 && s.v !== 2)
		return { deliveries: [], events: [], money: [], orders: new Map() };
	const state: WebhookState = {
		deliveries: strings(s.deliveries),
		events: strings(s.events),
		money: strings(s.money),
		orders: new Map(pairs(s.orders)),
	};
	fitState(state);
	return state;
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
	if (last === compact(status)) return false;
	const from = statusRank(last);
	return from < 3 && statusRank(status) >= from;
}

function remember(list: string[], value: string, max: number): void {
	list.push(compact(value));
	if (list.length > max) list.splice(0, list.length - max);
}

export const rememberDelivery = (state: WebhookState, id: string) =>
	remember(state.deliveries, id, MAX_REMEMBERED);
export const rememberEvent = (state: WebhookState, id: string) =>
	remember(state.events, id, MAX_REMEMBERED);
export const rememberMoney = (state: WebhookState, id: string) =>
	remember(state.money, id, MAX_MONEY);

export const hasDelivery = (state: WebhookState, id: string) =>
	state.deliveries.includes(compact(id));
/** Whether an event id was emitted before, as an ordinary or a money event. */
export const hasEvent = (state: WebhookState, id: string) =>
	state.events.includes(compact(id)) || state.money.includes(compact(id));
export const lastStatus = (state: WebhookState, orderNo: string) =>
	state.orders.get(compact(orderNo));

/** Records an order's status as its most recent one; the least recently changed order is forgotten first. */
export function rememberStatus(state: WebhookState, orderNo: string, status: string): void {
	const key = compact(orderNo);
	state.orders.delete(key);
	state.orders.set(key, compact(status));
	for (const old of state.orders.keys()) {
		if (state.orders.size <= MAX_ORDERS) break;
		state.orders.delete(old);
	}
}

/** JSON bytes of one stored string (quotes and comma). */
const size = (value: string) => Buffer.byteLength(value, 'utf8') + 3;

/**
 * Keeps the stored state within MAX_STATE_BYTES: the oldest ordinary entries
 * (deliveries, events, order statuses, from the largest list) go first; money
 * entries only if nothing else is left (with the counts above they fit alone).
 */
export function fitState(state: WebhookState): void {
	let deliveries = state.deliveries.reduce((n, v) => n + size(v), 0);
	let events = state.events.reduce((n, v) => n + size(v), 0);
	let orders = 0;
	for (const [k, s] of state.orders) orders += size(k) + size(s) + 2;
	let money = state.money.reduce((n, v) => n + size(v), 0);
	const budget = MAX_STATE_BYTES - 200;
	while (deliveries + events + orders + money > budget) {
		if (deliveries >= events && deliveries >= orders && state.deliveries.length)
			deliveries -= size(state.deliveries.shift()!);
		else if (events >= orders && state.events.length) events -= size(state.events.shift()!);
		else if (state.orders.size) {
			const [k, s] = state.orders.entries().next().value as [string, string];
			state.orders.delete(k);
			orders -= size(k) + size(s) + 2;
		} else if (state.money.length) money -= size(state.money.shift()!);
		else break;
	}
}

/** Stores the state in the node's static data, within its byte bound. */
export function saveWebhookState(staticData: IDataObject, state: WebhookState): void {
	fitState(state);
	const data: StoredState = {
		v: 2,
		deliveries: [...state.deliveries],
		events: [...state.events],
		money: [...state.money],
		orders: [...state.orders.entries()],
	};
	staticData.webhook = data as unknown as IDataObject;
}
