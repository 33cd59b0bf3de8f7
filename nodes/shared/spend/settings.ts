import {
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { fields, numeric, validateInput } from '../input/validation';
import { readApprovedQuote } from './approvedQuote';
import type { QuoteRecord } from './quoteRecord';

/** The spend guards a workflow author set on a money-moving operation. */
export interface SpendSettings {
	maxTotal?: number;
	keepBalanceAtLeast?: number;
	dryRun: boolean;
	/** How long a Dry Run's quote stays valid. */
	quoteValidMinutes: number;
	/** The quote a person approved: the purchase must match it exactly. */
	approvedQuote?: QuoteRecord;
}

export type SpendField =
	'maxTotal' | 'keepBalanceAtLeast' | 'dryRun' | 'quoteValidMinutes' | 'approvedQuote';

/** Every guard field, in the order the Options collection lists them. */
export const ALL_SPEND_FIELDS: SpendField[] = [
	'approvedQuote',
	'maxTotal',
	'keepBalanceAtLeast',
	'dryRun',
	'quoteValidMinutes',
];

const optional = (value: unknown) => (value === '' || value === null ? undefined : numeric(value));

const schema = z.object({
	maxTotal: fields.money(0.01, 1_000_000).optional(),
	keepBalanceAtLeast: fields.money(0, 1_000_000).optional(),
	dryRun: z.boolean({ invalid_type_error: 'must be true or false' }),
	quoteValidMinutes: fields.wholeNumber(1, 10_080),
});

const labels = {
	maxTotal: 'Max Total',
	keepBalanceAtLeast: 'Keep Wallet Balance At Least',
	dryRun: 'Dry Run',
	quoteValidMinutes: 'Quote Valid For (Minutes)',
};

/** Reads and validates the guards from the node's Options collection. */
export function readSpendSettings(
	node: INode,
	options: IDataObject,
	itemIndex: number,
): SpendSettings {
	const settings: SpendSettings = validateInput(
		node,
		schema,
		{
			maxTotal: optional(options.maxTotal),
			keepBalanceAtLeast: optional(options.keepBalanceAtLeast),
			dryRun: options.dryRun ?? false,
			quoteValidMinutes: numeric(options.quoteValidMinutes ?? 60),
		},
		labels,
		itemIndex,
	);
	const approved = readApprovedQuote(options.approvedQuote);
	if (approved && 'problem' in approved)
		throw new NodeOperationError(node, approved.problem.message, {
			itemIndex,
			description: approved.problem.description,
		});
	if (approved) settings.approvedQuote = approved.quote;
	return settings;
}

/** The guard fields for an operation's Options collection; `what` names what is bought ("the order"). */
export function spendOptions(
	what: string,
	include: SpendField[] = ALL_SPEND_FIELDS,
): INodeProperties[] {
	const all: Record<SpendField, INodeProperties> = {
		approvedQuote: {
			displayName: 'Approved Quote',
			name: 'approvedQuote',
			type: 'json',
			default: '',
			placeholder: "e.g. {{ $('Quote').item.json.quote }}",
			hint: 'Map the "quote" of a Dry Run item here, after a person or a rule approved it',
			description: `The quote a Dry Run made for ${what}. With it, the node buys exactly what the quote says or nothing: it refuses, naming what changed, when the plan, quantity, price, currency or operation differs or the quote has expired, and sends no purchase.`,
		},
		quoteValidMinutes: {
			displayName: 'Quote Valid For (Minutes)',
			name: 'quoteValidMinutes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10080, numberPrecision: 0 },
			default: 60,
			description:
				'How long the quote a Dry Run outputs can be used as Approved Quote (its expiresAt). Prices can change, so keep it as short as the approval step allows.',
		},
		dryRun: {
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: `Whether to only check ${what}: validate, price it, read the balance and output what would be bought and whether every guard passes, without buying`,
		},
		keepBalanceAtLeast: {
			displayName: 'Keep Wallet Balance At Least',
			name: 'keepBalanceAtLeast',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: `Refuse ${what} when paying for it would leave the wallet below this amount. Costs one extra request.`,
		},
		maxTotal: {
			displayName: 'Max Total',
			name: 'maxTotal',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: 50,
			description: `Refuse ${what} when it costs more than this, priced from the provider's own data before anything is bought. Required, as a fixed number, when the node is used as an AI Agent tool.`,
		},
	};
	return include.map((name) => all[name]);
}
