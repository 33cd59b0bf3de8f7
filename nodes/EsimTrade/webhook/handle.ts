import { createHash } from 'crypto';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { Change } from '../../shared/trigger/types';
import { tradeClient } from '../transport/client';
import { addOrderActivation } from '../trigger/orderEvents';
import { CONFIRM_REQUEST, confirmEsim, confirmOrder } from './confirm';
import {
	compact,
	hasDelivery,
	hasEvent,
	isForward,
	lastStatus,
	loadWebhookState,
	rememberDelivery,
	rememberEvent,
	rememberMoney,
	rememberStatus,
	saveWebhookState,
	type WebhookState,
} from './dedupe';
import type { WebhookEvent } from '../events/catalogue';
import { orderEventItem, pickOrderEvent, unconfirmedItem } from './events';
import { memory } from './inflight';
import { parseDelivery, type ParsedDelivery } from './payload';
import { readDelivery, reply, type Delivery } from './request';

interface Settings {
	events: WebhookEvent[];
	statuses: string[];
	confirm: boolean;
	passUnrecognised: boolean;
}

/** What one delivery leads to: an item to emit, or the reason none is. `money`: a refund or top-up. */
type Outcome =
	| { item: INodeExecutionData; eventId: string; money?: boolean }
	| { ignored: string; eventId?: string; money?: boolean };

function settingsOf(ctx: IWebhookFunctions): Settings {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return {
		events: (ctx.getNodeParameter('events', []) as WebhookEvent[]) ?? [],
		statuses: (ctx.getNodeParameter('statuses', []) as string[]) ?? [],
		confirm: ctx.getNodeParameter('confirm', true) as boolean,
		passUnrecognised: options.passUnrecognised !== false,
	};
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function unrecognised(
	settings: Settings,
	reason: string,
	key: string,
	parsed: ParsedDelivery,
	observedAt: string,
): Outcome {
	if (!settings.passUnrecognised) return { ignored: 'unrecognised' };
	const fields: IDataObject = {};
	if (parsed.orderNo) fields.providerOrderNo = parsed.orderNo;
	if (parsed.iccid) fields.iccid = parsed.iccid;
	const item = unconfirmedItem(reason, key, fields, observedAt);
	return { item, eventId: String(item.json.eventId) };
}

/** A completed top-up: of an eSIM's data (ICCID named) or of the wallet (confirmed by reading the balance). */
async function topUpOutcome(
	ctx: IWebhookFunctions,
	parsed: ParsedDelivery,
	settings: Settings,
	state: WebhookState,
	key: string,
	observedAt: string,
): Promise<Outcome> {
	if (!settings.events.includes('topUpCompleted')) return { ignored: 'filtered' };
	// The provider's own number, else the signed body's event id or hash: never a header, never the ICCID alone.
	const eventId = `topUpCompleted:${parsed.topUpNo ?? parsed.transactionNo ?? key}`;
	if (hasEvent(state, eventId)) return { ignored: 'duplicate event' };
	let confirmed: IDataObject = {};
	if (settings.confirm && parsed.iccid) {
		const esim = await confirmEsim(ctx, parsed.iccid);
		if (!esim)
			return unrecognised(
				settings,
				`eSIMTrade knows no eSIM ${parsed.iccid}`,
				key,
				parsed,
				observedAt,
			);
		confirmed = esim;
	} else if (settings.confirm) {
		const { data, usd } = await tradeClient(ctx).balance(CONFIRM_REQUEST);
		confirmed = { ...data, balance: usd ?? Number.NaN };
	}
	const json: IDataObject = { ...confirmed, event: 'topUpCompleted', eventId, observedAt };
	if (parsed.topUpNo) json.topUpNo = parsed.topUpNo;
	if (parsed.iccid) json.iccid = parsed.iccid;
	if (parsed.orderNo) json.providerOrderNo = parsed.orderNo;
	if (parsed.transactionNo) json.transactionNo = parsed.transactionNo;
	return { item: { json }, eventId, money: true };
}

/** An order event (new, status changed, refund): confirmed with the API unless switched off, never a repeat or a step back. */
async function orderOutcome(
	ctx: IWebhookFunctions,
	parsed: ParsedDelivery,
	settings: Settings,
	state: WebhookState,
	key: string,
	observedAt: string,
): Promise<Outcome> {
	let id: string;
	let row: IDataObject;
	let status: string;
	if (settings.confirm) {
		const order = await confirmOrder(ctx, parsed);
		if (!order)
			return unrecognised(
				settings,
				`eSIMTrade knows no order ${parsed.orderNo ?? `with ICCID ${parsed.iccid}`}`,
				key,
				parsed,
				observedAt,
			);
		({ orderNo: id, row, status } = order);
	} else {
		if (!parsed.status)
			return unrecognised(
				settings,
				'The delivery names no status (and Confirm With the API is off)',
				key,
				parsed,
				observedAt,
			);
		id = parsed.orderNo ?? `iccid:${parsed.iccid}`;
		status = parsed.status;
		row = {
			...(parsed.orderNo ? { providerOrderNo: parsed.orderNo } : {}),
			...(parsed.iccid ? { iccid: parsed.iccid } : {}),
			status,
		};
	}
	const last = lastStatus(state, id);
	const change: Change = { id, row, previousStatus: last ?? parsed.previousStatus ?? null, status };
	if (parsed.kind === 'refundCompleted') {
		const eventId = `refundCompleted:${parsed.transactionNo ?? id}`;
		if (isForward(last, status)) rememberStatus(state, id, status);
		if (hasEvent(state, eventId)) return { ignored: 'duplicate event' };
		if (!settings.events.includes('refundCompleted'))
			return { ignored: 'filtered', eventId, money: true };
		const item = orderEventItem('refundCompleted', change, observedAt);
		item.json.eventId = eventId;
		if (parsed.transactionNo) item.json.transactionNo = parsed.transactionNo;
		return { item, eventId, money: true };
	}
	if (!isForward(last, status))
		return { ignored: last === status ? 'no change' : `older status (${status} after ${last})` };
	rememberStatus(state, id, status);
	const event = pickOrderEvent(settings.events, parsed.kind, change, settings.statuses);
	if (!event) return { ignored: 'filtered' };
	const item = orderEventItem(event, change, observedAt);
	const eventId = String(item.json.eventId);
	if (hasEvent(state, eventId)) return { ignored: 'duplicate event' };
	// Activation details come from the API only, never from an unconfirmed payload.
	// A fulfilled order without every ICCID and activation code yet is not emitted: the 503 this
	// becomes keeps the state unsaved, and eSIMTrade's retry brings the delivery back.
	if (event === 'fulfilled' && settings.confirm && !(await addOrderActivation(ctx, item, id)))
		throw new Error(
			`eSIMTrade reports the order ${id} fulfilled but has not sent every ICCID and activation code yet; send the delivery again later`,
		);
	return { item, eventId };
}

async function decide(
	ctx: IWebhookFunctions,
	delivery: Delivery,
	state: WebhookState,
	key: string,
): Promise<Outcome> {
	const settings = settingsOf(ctx);
	const parsed = delivery.parsed;
	const observedAt = delivery.receivedAt;
	if (parsed.kind === 'unknown')
		return unrecognised(
			settings,
			'The delivery names no order, ICCID or top-up',
			key,
			parsed,
			observedAt,
		);
	if (parsed.kind === 'topUpCompleted')
		return await topUpOutcome(ctx, parsed, settings, state, key, observedAt);
	return await orderOutcome(ctx, parsed, settings, state, key, observedAt);
}

/**
 * One webhook delivery: checks the signature (401 and no execution when it is
 * missing or wrong while a secret is set), drops repeats of a delivery already
 * handled, ties the delivery to an order through the API, and emits at most one
 * event item. The state is kept in the workflow's static data (not in manual
 * "listen for test event" runs), and within one n8n process also in memory, for
 * deliveries that overlap. An API failure answers 503 without an
 * execution, so eSIMTrade's retry can deliver it again.
 */
export async function handleDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const read = await readDelivery(ctx, parseDelivery);
	if ('rejected' in read) return reply(ctx, read.rejected.status, { error: read.rejected.message });
	const delivery = read.delivery;
	const key = delivery.parsed.deliveryId
		? `id:${compact(delivery.parsed.deliveryId)}`
		: `sha256:${sha256(delivery.raw)}`;
	const manual = ctx.getMode() === 'manual';
	if (manual) return await handleOnce(ctx, delivery, key, loadWebhookState(undefined), () => {});
	const staticData = ctx.getWorkflowStaticData('node');
	const state = loadWebhookState(staticData.webhook);
	if (hasDelivery(state, key)) return { webhookResponse: { received: true, duplicate: true } };
	const scope = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().name}`;
	const claim = memory.claimDelivery(scope, key);
	if (claim === 'seen') return { webhookResponse: { received: true, duplicate: true } };
	if (claim === 'busy')
		return reply(ctx, 409, {
			error: 'The same delivery is being handled right now; send it again later',
		});
	let handled = false;
	try {
		const response = await handleOnce(ctx, delivery, key, state, () => {
			handled = true;
			saveWebhookState(staticData, state);
		});
		// A second emit of the same event id in this process (concurrent deliveries of one change) is dropped.
		const eventId = response.workflowData?.[0]?.[0]?.json.eventId;
		if (typeof eventId === 'string' && !memory.firstEmit(scope, eventId))
			return { webhookResponse: { received: true, ignored: 'duplicate event' } };
		return response;
	} finally {
		memory.releaseDelivery(scope, key, handled);
	}
}

/** Decides on one delivery against `state`; `commit` stores the state once the delivery was handled. */
async function handleOnce(
	ctx: IWebhookFunctions,
	delivery: Delivery,
	key: string,
	state: WebhookState,
	commit: () => void,
): Promise<IWebhookResponseData> {
	let outcome: Outcome;
	try {
		outcome = await decide(ctx, delivery, state, key);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return reply(ctx, 503, {
			error: `Could not confirm the delivery with the eSIMTrade API: ${message}`,
		});
	}
	rememberDelivery(state, key);
	if (outcome.eventId) (outcome.money ? rememberMoney : rememberEvent)(state, outcome.eventId);
	commit();
	if ('ignored' in outcome)
		return { webhookResponse: { received: true, ignored: outcome.ignored } };
	outcome.item.json.delivery = delivery.attachment;
	return { webhookResponse: { received: true }, workflowData: [[outcome.item]] };
}
