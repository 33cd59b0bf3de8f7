import type { IDataObject } from 'n8n-workflow';

import { findOrderNo } from '../transport/status';

/** What kind of event a delivery announces, as far as its type string and fields tell. */
export type DeliveryKind =
	'newOrder' | 'statusChanged' | 'topUpCompleted' | 'refundCompleted' | 'unknown';

/** What the trigger could read from a delivery whose schema eSIMTrade does not document. */
export interface ParsedDelivery {
	kind: DeliveryKind;
	/** The delivery's own type string (header or body), as sent. */
	type?: string;
	/** The delivery's event id, from the (signed) body only; headers are not signed. */
	deliveryId?: string;
	/** The provider's own refund or transaction number, from the body. */
	transactionNo?: string;
	/** When the provider says it sent the event (ms since 1970), from the body's envelope. */
	sentAt?: number;
	orderNo?: string;
	iccid?: string;
	topUpNo?: string;
	/** Status named in the payload (lowercase). */
	status?: string;
	previousStatus?: string;
}

const MAX_DEPTH = 4;

/** Headers that may carry the event type or the delivery id ("event metadata headers", names not documented). */
const TYPE_HEADERS = [
	'x-esimtrade-event',
	'x-esimtrade-event-type',
	'x-event-type',
	'x-webhook-event',
];

const scalar = (value: unknown): string | undefined =>
	(typeof value === 'string' && value.trim() !== '') || typeof value === 'number'
		? String(value).trim()
		: undefined;

/** The first value, at any depth up to MAX_DEPTH, whose key matches `key` and that passes `accept`. */
function findValue(
	body: unknown,
	key: RegExp,
	accept: (value: string) => boolean = () => true,
	depth = 0,
): string | undefined {
	if (!body || typeof body !== 'object' || depth > MAX_DEPTH) return undefined;
	if (Array.isArray(body))
		return body.length ? findValue(body[0], key, accept, depth + 1) : undefined;
	const record = body as IDataObject;
	for (const [name, value] of Object.entries(record)) {
		const text = scalar(value);
		if (text !== undefined && key.test(name) && accept(text)) return text;
	}
	for (const value of Object.values(record)) {
		const found = findValue(value, key, accept, depth + 1);
		if (found) return found;
	}
	return undefined;
}

function header(headers: IDataObject, names: string[]): string | undefined {
	for (const name of names) {
		const value = headers[name];
		const text = scalar(Array.isArray(value) ? value[0] : value);
		if (text) return text;
	}
	return undefined;
}

/**
 * The time a delivery's body says it was sent: a top-level `timestamp`,
 * `sentAt`, `occurredAt` or `eventTime`, or, in an event envelope (a top-level
 * `type`/`event` beside it), `createdAt`/`created_at`/`created`. ISO text or
 * Unix seconds or milliseconds. Nested times (an order's own creation) are not it.
 */
export function sentAtOf(body: unknown): number | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as IDataObject;
	const names = Object.keys(record);
	const envelope = names.some((n) => /^(type|event|event_?type)$/i.test(n));
	const name =
		names.find((n) => /^(timestamp|sent_?at|occurred_?at|event_?time)$/i.test(n)) ??
		(envelope ? names.find((n) => /^(created_?at|created)$/i.test(n)) : undefined);
	const value = name === undefined ? undefined : scalar(record[name]);
	if (value === undefined) return undefined;
	if (/^\d{9,13}(\.\d+)?$/.test(value)) {
		const n = Number(value);
		return n < 1e11 ? n * 1000 : n;
	}
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

export function kindOf(
	type: string | undefined,
	fields: Pick<ParsedDelivery, 'orderNo' | 'iccid' | 'topUpNo'>,
): DeliveryKind {
	const t = (type ?? '').toLowerCase();
	if (/top[\s._-]?up|recharge/.test(t) || (!t && fields.topUpNo)) return 'topUpCompleted';
	if (/refund/.test(t)) return 'refundCompleted';
	if (/(creat|new|placed)/.test(t)) return 'newOrder';
	if (fields.orderNo || fields.iccid) return 'statusChanged';
	return 'unknown';
}

/**
 * Reads the order number, ICCID, top-up number, statuses, type and id from a
 * delivery, tolerating the spellings APIs commonly use, at any nesting depth.
 * The id and the numbers come from the body only (the signature covers it);
 * the type may come from a header when the body has none.
 */
export function parseDelivery(body: unknown, headers: IDataObject): ParsedDelivery {
	const type =
		findValue(body, /^(event|type|event_?type|topic|action)$/i, (v) => /[a-z]/i.test(v)) ??
		header(headers, TYPE_HEADERS);
	// Top level only: a nested `id` is a record's, shared by every event about it.
	const deliveryId = findValue(
		body,
		/^(event_?id|delivery_?id|webhook_?id|id)$/i,
		undefined,
		MAX_DEPTH,
	);
	const transactionNo = findValue(
		body,
		/^(refund_?(no|number|id)|transaction_?(no|number|id)|txn_?id|wallet_?transaction_?id)$/i,
	);
	const orderNo = findOrderNo(body) ?? findValue(body, /^(provider_?)?order_?(no|number|id)$/i);
	const iccid = findValue(body, /^iccid$/i, (v) => /^\d{18,22}$/.test(v));
	const topUpNo = findValue(body, /^top_?up_?(no|number|id)$/i);
	const status = findValue(
		body,
		/^(status|order_?status|esim_?status|new_?status|current_?status|to_?status)$/i,
	)?.toLowerCase();
	const previousStatus = findValue(
		body,
		/^(previous_?status|old_?status|from_?status|prev_?status)$/i,
	)?.toLowerCase();
	const fields = { orderNo, iccid, topUpNo };
	const parsed: ParsedDelivery = {
		kind: kindOf(type, fields),
		type,
		deliveryId,
		transactionNo,
		sentAt: sentAtOf(body),
		...fields,
		status,
		previousStatus,
	};
	for (const key of Object.keys(parsed) as Array<keyof ParsedDelivery>)
		if (parsed[key] === undefined) delete parsed[key];
	return parsed;
}
