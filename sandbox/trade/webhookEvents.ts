import type { TopupRecord, TradeOrder } from './model';
import { usdNumber } from './wallet';

/** Event types the sandbox sends (eSIMTrade does not document its own type strings: a sandbox choice). */
export type TradeEventType =
	'order.created' | 'order.status_changed' | 'refund.completed' | 'topup.completed';

export interface TradeEvent {
	type: TradeEventType;
	data: Record<string, unknown>;
}

export function orderCreatedEvent(order: TradeOrder): TradeEvent {
	return {
		type: 'order.created',
		data: {
			orderNo: order.orderNo,
			status: order.status,
			slug: order.plan.slug,
			quantity: order.quantity,
			idempotencyKey: order.idempotencyKey,
		},
	};
}

export function statusChangedEvent(order: TradeOrder, previousStatus: string): TradeEvent {
	const data: Record<string, unknown> = {
		orderNo: order.orderNo,
		previousStatus,
		status: order.status,
		slug: order.plan.slug,
	};
	if (order.esims[0]) data.iccid = order.esims[0].iccid;
	return { type: 'order.status_changed', data };
}

export function refundEvent(order: TradeOrder): TradeEvent {
	return {
		type: 'refund.completed',
		data: { orderNo: order.orderNo, status: order.status, amountUsd: usdNumber(order.paidCents) },
	};
}

export function topupEvent(topup: TopupRecord): TradeEvent {
	return {
		type: 'topup.completed',
		data: {
			topupNo: topup.topupNo,
			iccid: topup.iccid,
			orderNo: topup.orderNo,
			slug: topup.option.slug,
			quantity: topup.quantity,
		},
	};
}
