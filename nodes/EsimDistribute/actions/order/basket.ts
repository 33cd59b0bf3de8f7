import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { fields, numeric, validateInput } from '../../../shared/input/validation';
import { locatorValue } from '../../descriptions/locators';
import type { BasketLine } from '../../transport/orders';
import { isRecord } from '../../../shared/json/records';

export interface CheckoutInput {
	items: BasketLine[];
	email: string;
	customerName: string;
	phone?: string;
	maxTotal?: number;
}

const line = z.object(
	{ planId: fields.recordId('0f8c2b9e-4d7a-…'), quantity: fields.wholeNumber(1, 50) },
	{ invalid_type_error: 'must be an object like {"planId": "…", "quantity": 1}' },
);

const schema = z.object({
	items: z
		.array(line, { invalid_type_error: 'must be a list of {"planId": "…", "quantity": 1} entries' })
		.min(1, 'add at least one plan')
		.max(20, 'must have at most 20 entries'),
	email: fields.email(),
	customerName: fields.text(200),
	phone: fields.phone().optional(),
	maxTotal: fields.money(0.01, 1_000_000).optional(),
});

const labels = {
	items: 'Items',
	'items.planId': 'Plan',
	'items.quantity': 'Quantity',
	email: 'Customer Email',
	customerName: 'Customer Name',
	phone: 'Phone',
	maxTotal: 'Max Total',
};

/** The basket as entered: the Items list, or a JSON array from the Items (JSON) field. */
function rawItems(ctx: IExecuteFunctions, i: number): unknown {
	if (ctx.getNodeParameter('itemsInput', i, 'fields') !== 'json') {
		const rows = ctx.getNodeParameter('items.item', i, []) as IDataObject[];
		return rows.map((row) => ({ planId: locatorValue(row.plan), quantity: numeric(row.quantity) }));
	}
	let value = ctx.getNodeParameter('itemsJson', i, '[]') as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			throw new NodeOperationError(ctx.getNode(), 'Items (JSON): is not valid JSON', {
				itemIndex: i,
				description:
					'Enter a JSON array such as [{"planId": "…", "quantity": 1}] or map one with an expression. Nothing was sent to the provider.',
			});
		}
	}
	return Array.isArray(value)
		? value.map((entry) =>
				isRecord(entry) ? { ...entry, quantity: numeric(entry.quantity) } : entry,
			)
		: value;
}

const optional = (value: unknown) => (value === '' || value === null ? undefined : value);

/** Reads and validates the checkout at an item index; nothing is sent when any field is wrong. */
export function readCheckout(ctx: IExecuteFunctions, i: number): CheckoutInput {
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const input = {
		items: rawItems(ctx, i),
		email: ctx.getNodeParameter('email', i, ''),
		customerName: ctx.getNodeParameter('customerName', i, ''),
		phone: optional(extra.phone),
		maxTotal: numeric(optional(options.maxTotal)),
	};
	return validateInput(ctx.getNode(), schema, input, labels, i) as CheckoutInput;
}
