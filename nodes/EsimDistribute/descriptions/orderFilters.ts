import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../shared/input/validation';

const day = z
	.string({ invalid_type_error: 'must be a date' })
	.trim()
	.refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date such as 2025-01-31')
	.transform((value) =>
		/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date(value).toISOString().slice(0, 10),
	);

const schema = z.object({
	status: z
		.enum(['pending', 'processing', 'completed', 'failed', 'refunded', 'cancelled'])
		.optional(),
	email: fields.email().optional(),
	from: day.optional(),
	to: day.optional(),
});

/** Order list filters; the provider documents none, these are the ones it accepts. */
export function orderFilters(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Created From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only orders created on or after this day (UTC)',
			},
			{
				displayName: 'Created To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only orders created on or before this day (UTC)',
			},
			{
				displayName: 'Customer Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only orders for this customer email address',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Processing', value: 'processing' },
					{ name: 'Refunded', value: 'refunded' },
				],
				default: 'completed',
				description: 'Only orders with this status',
			},
		],
	};
}

/** The filters at an item index, validated, as query parameters (empty ones left out). */
export function readOrderFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const present = Object.fromEntries(
		Object.entries(raw).filter(
			([, value]) => value !== '' && value !== null && value !== undefined,
		),
	);
	const labels = {
		status: 'Status',
		email: 'Customer Email',
		from: 'Created From',
		to: 'Created To',
	};
	return validateInput(ctx.getNode(), schema, present, labels, itemIndex) as IDataObject;
}
