import {
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { validateInput } from '../../../shared/input/validation';

/**
 * Created After / Created Before on the eSIMTrade order list. eSIMTrade lists orders newest first, so
 * reading stops once a whole page lies before the window. The list's order is trusted only within
 * ORDER_DRIFT_MS: a row up to that much out of place is still found.
 */
export const ORDER_DRIFT_MS = 60 * 60 * 1000;

/** The row fields that may carry the creation time (the sandbox and the provider's UI use `createdAt`). */
const TIME_FIELDS = ['createdAt', 'created_at', 'createTime', 'createdTime', 'orderTime'];

export const createdWindowFilters: INodeProperties[] = [
	{
		displayName: 'Created After',
		name: 'createdAfter',
		type: 'dateTime',
		default: '',
		description:
			'Only orders created at or after this time. eSIMTrade lists newest first, so the node stops reading once it has passed this time (orders up to 60 minutes out of order are still found) instead of reading the whole history.',
	},
	{
		displayName: 'Created Before',
		name: 'createdBefore',
		type: 'dateTime',
		default: '',
		description:
			'Only orders created before this time (not at it). With Created After set to the start of a day and this to the start of the next, consecutive exports neither overlap nor leave a gap.',
	},
];

export interface CreatedWindow {
	after?: number;
	before?: number;
}

const instant = z
	.union([z.string(), z.number(), z.date()], {
		errorMap: () => ({ message: 'must be a date and time such as 2025-01-31T00:00:00Z' }),
	})
	.transform((value) => (value instanceof Date ? value.getTime() : Date.parse(String(value))))
	.refine((ms) => Number.isFinite(ms), 'must be a date and time such as 2025-01-31T00:00:00Z');

const schema = z
	.object({ createdAfter: instant.optional(), createdBefore: instant.optional() })
	.refine(
		(w) =>
			w.createdAfter === undefined ||
			w.createdBefore === undefined ||
			w.createdAfter < w.createdBefore,
		{ message: 'must be later than Created After', path: ['createdBefore'] },
	);

const empty = (value: unknown) => value === '' || value === null || value === undefined;
/** A bound left blank. A mapped expression that resolved to null is not blank: it is refused, not ignored. */
const unset = (value: unknown) => value === '' || value === undefined;

/** A mapped Luxon DateTime (e.g. `{{ $now }}`) or JS Date as epoch ms; other values as they are. */
const plain = (value: unknown): unknown => {
	if (unset(value)) return undefined;
	const luxon = value as { toMillis?: () => number };
	return typeof luxon?.toMillis === 'function' ? luxon.toMillis() : value;
};

/** The window from the Filters collection, validated; undefined when neither bound is set. */
export function readCreatedWindow(
	node: INode,
	filters: IDataObject,
	itemIndex: number,
): CreatedWindow | undefined {
	if (unset(filters.createdAfter) && unset(filters.createdBefore)) return undefined;
	const parsed = validateInput(
		node,
		schema,
		{
			createdAfter: plain(filters.createdAfter),
			createdBefore: plain(filters.createdBefore),
		},
		{ createdAfter: 'Created After', createdBefore: 'Created Before' },
		itemIndex,
	);
	return { after: parsed.createdAfter, before: parsed.createdBefore };
}

/** A row's creation time in ms: ISO text, or epoch seconds or milliseconds; undefined when it has none. */
export function createdAtOf(row: IDataObject): number | undefined {
	for (const field of TIME_FIELDS) {
		const value = row[field];
		if (empty(value)) continue;
		if (typeof value === 'number' || /^\d+$/.test(String(value))) {
			const n = Number(value);
			return n < 1e11 ? n * 1000 : n;
		}
		const ms = Date.parse(String(value));
		if (Number.isFinite(ms)) return ms;
	}
	return undefined;
}

/** Whether the row lies in the window; an order without a readable creation time is an error (it cannot be placed). */
export function inWindow(
	node: INode,
	window: CreatedWindow,
	row: IDataObject,
	itemIndex: number,
): boolean {
	const at = createdAtOf(row);
	if (at === undefined)
		throw new NodeOperationError(
			node,
			`eSIMTrade listed order ${String(row.providerOrderNo ?? '(no number)')} without a creation time, so Created After / Created Before cannot place it`,
			{
				itemIndex,
				description: `The node looks for ${TIME_FIELDS.join(', ')} on each row. Nothing was output for this item. Remove the two filters to list every order, or tell eSIMTrade.`,
			},
		);
	return (
		(window.after === undefined || at >= window.after) &&
		(window.before === undefined || at < window.before)
	);
}

/** True when a page (newest first) lies wholly before the window, beyond the drift allowance: reading can stop. */
export function pastWindow(window: CreatedWindow, rows: IDataObject[]): boolean {
	if (window.after === undefined || rows.length === 0) return false;
	const floor = window.after - ORDER_DRIFT_MS;
	return rows.every((row) => {
		const at = createdAtOf(row);
		return at !== undefined && at < floor;
	});
}
