import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fields, numeric, validateInput } from '../input/validation';

/** The spend guards a workflow author set on a money-moving operation. */
export interface SpendSettings {
	maxTotal?: number;
	keepBalanceAtLeast?: number;
	dryRun: boolean;
}

export type SpendField = 'maxTotal' | 'keepBalanceAtLeast' | 'dryRun';

const optional = (value: unknown) => (value === '' || value === null ? undefined : numeric(value));

const schema = z.object({
	maxTotal: fields.money(0.01, 1_000_000).optional(),
	keepBalanceAtLeast: fields.money(0, 1_000_000).optional(),
	dryRun: z.boolean({ invalid_type_error: 'must be true or false' }),
});

const labels = {
	maxTotal: 'Max Total',
	keepBalanceAtLeast: 'Keep Wallet Balance At Least',
	dryRun: 'Dry Run',
};

/** Reads and validates the guards from the node's Options collection. */
export function readSpendSettings(
	node: INode,
	options: IDataObject,
	itemIndex: number,
): SpendSettings {
	return validateInput(
		node,
		schema,
		{
			maxTotal: optional(options.maxTotal),
			keepBalanceAtLeast: optional(options.keepBalanceAtLeast),
			dryRun: options.dryRun ?? false,
		},
		labels,
		itemIndex,
	);
}

/** The guard fields for an operation's Options collection; `what` names what is bought ("the order"). */
export function spendOptions(
	what: string,
	include: SpendField[] = ['maxTotal', 'keepBalanceAtLeast', 'dryRun'],
): INodeProperties[] {
	const all: Record<SpendField, INodeProperties> = {
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
