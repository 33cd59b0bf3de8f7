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
	/** The delivery's id (header or body), when it has one. */
	deliveryId?: string;
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
const ID_HEADERS = [
	'x-esimtrade-delivery',
	'x-esimtrade-delivery-id',
	'x-esimtrade-event-id',
	'x-webhook-id',
	'x-delivery-id',
	'x-event-id',
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
 */
export function parseDelivery(body: unknown, headers: IDataObject): ParsedDelivery {
	const type =
		header(headers, TYPE_HEADERS) ??
		findValue(body, /^(event|type|event_?type|topic|action)$/i, (v) => /[a-z]/i.test(v));
	const deliveryId =
		header(headers, ID_HEADERS) ??
		findValue(body, /^(event_?id|delivery_?id|webhook_?id|id)$/i, (v) => v.length <= 200);
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
		...fields,
		status,
		previousStatus,
	};
	for (const key of Object.keys(parsed) as Array<keyof ParsedDelivery>)
		if (parsed[key] === undefined) delete parsed[key];
	return parsed;
}
