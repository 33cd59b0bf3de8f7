import type { IDataObject } from 'n8n-workflow';
import { isRecord } from '../../shared/json/records';

/** A basket line: what checkout sends for one plan. */
export interface BasketLine {
	planId: string;
	quantity: number;
}

/** The orders in a checkout answer: `{ orders: [...] }`, a bare list, or a single order. */
export function ordersIn(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data.filter(isRecord);
	if (!isRecord(data)) return [];
	if (Array.isArray(data.orders)) return data.orders.filter(isRecord);
	if (isRecord(data.order)) return [data.order];
	return [];
}

/** The order inside a `GET /orders/:id` answer (bare, or under `order`). */
export function orderOf(data: IDataObject): IDataObject {
	return isRecord(data.order) ? data.order : data;
}

/** The plan lines of an order: one per order, or its `items` when the provider groups a basket into one order. */
export function linesOf(order: IDataObject): BasketLine[] {
	const parts = Array.isArray(order.items) ? order.items.filter(isRecord) : [order];
	return parts.map((part) => {
		const plan = isRecord(part.plan) ? part.plan : {};
		return {
			planId: String(part.planId ?? part.plan_id ?? plan.id ?? ''),
			quantity: Number(part.quantity ?? part.qty),
		};
	});
}

/** When the order was created (epoch ms), or undefined when the answer has no readable date. */
export function createdMsOf(order: IDataObject): number | undefined {
	const ms = Date.parse(String(order.createdAt ?? order.created_at ?? ''));
	return Number.isNaN(ms) ? undefined : ms;
}

export function customerEmailOf(order: IDataObject): string | undefined {
	const email = order.customerEmail ?? order.email;
	return typeof email === 'string' ? email : undefined;
}
