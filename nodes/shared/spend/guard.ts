import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { money, quoteLinesJson, toCents, totalCents, type Quote } from './quote';
import type { SpendSettings } from './settings';
import { fixedMaxTotal, isToolCall } from './toolMode';

/** What a pricing or balance step answers when the provider's data cannot price the purchase; the text says why. */
export interface Unpriced {
	unpriced: string;
}

export const unpriced = (reason: string): Unpriced => ({ unpriced: reason });

const isUnpriced = (value: object): value is Unpriced =>
	typeof (value as Unpriced).unpriced === 'string';

/** A balance read from the provider, in cents. */
export interface Balance {
	cents: number;
	currency: string;
}

export interface SpendCheck {
	settings: SpendSettings;
	/** Prices the purchase from provider data, or says why it cannot. */
	price: () => Promise<Quote | Unpriced>;
	/** Reads the wallet balance, or says why the answer has none. */
	balance: () => Promise<Balance | Unpriced>;
	/** What would be sent, shown in the dry-run item. */
	request: IDataObject;
}

export interface Verdict {
	guard: string;
	passed: boolean;
	detail: string;
}

const NOTHING = 'Nothing was bought.';

function refuse(
	ctx: IExecuteFunctions,
	i: number,
	message: string,
	description: string,
	tool: boolean,
): never {
	// An AI Agent sees only the message, so in tool mode it carries the whole explanation.
	const text = tool ? `${message}. ${NOTHING} ${description}` : message;
	throw new NodeOperationError(ctx.getNode(), text, {
		itemIndex: i,
		description: `${NOTHING} ${description}`,
	});
}

function toolLimitText(limit: number | undefined, currency = ''): string {
	return limit === undefined
		? ''
		: `This tool may spend at most ${limit.toFixed(2)}${currency ? ` ${currency}` : ''} per call; ask for less or for a person to buy it.`;
}

/** The tool-mode rule: money moves only within a Max Total the workflow author fixed. */
function requireFixedLimit(
	ctx: IExecuteFunctions,
	i: number,
	settings: SpendSettings,
): number | undefined {
	if (!isToolCall(ctx)) return undefined;
	const fixed = fixedMaxTotal(ctx.getNode());
	if (fixed === undefined || settings.maxTotal === undefined) {
		refuse(
			ctx,
			i,
			'Refused: as an AI Agent tool this node buys only within a fixed Max Total set by the workflow author, and none is set',
			'The author can open this node, add Options → Max Total and type a fixed amount (not an expression, which the model could fill). Read-only operations need no limit.',
			true,
		);
	}
	return fixed;
}

async function priced(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	step: () => Promise<Quote | Unpriced>,
	tool: boolean,
): Promise<Quote> {
	const result = await step();
	if (!isUnpriced(result)) return result;
	return refuse(
		ctx,
		i,
		`${label}: ${result.unpriced}, so it cannot be priced`,
		'Check the plan or top-up against what the provider offers (Get Many / Get Options), or remove the guard to buy without a price check.',
		tool,
	);
}

/**
 * Applies Max Total, Keep Wallet Balance At Least, the AI tool rule and Dry
 * Run before a money-moving request. Returns the dry-run item (nothing is
 * sent), or undefined when the purchase may go ahead. A refused purchase is a
 * NodeOperationError with the item index; no money-moving request was sent.
 */
export async function guardSpend(
	ctx: IExecuteFunctions,
	i: number,
	check: SpendCheck,
): Promise<INodeExecutionData[] | undefined> {
	const { settings } = check;
	const tool = isToolCall(ctx);
	const fixed = requireFixedLimit(ctx, i, settings);
	const wantsBalance = settings.dryRun || settings.keepBalanceAtLeast !== undefined;
	if (settings.maxTotal === undefined && !wantsBalance) return undefined;
	const label =
		settings.maxTotal !== undefined
			? 'Max Total'
			: settings.keepBalanceAtLeast !== undefined
				? 'Keep Wallet Balance At Least'
				: 'Dry Run';
	const quote = await priced(ctx, i, label, check.price, tool);
	const total = totalCents(quote);
	const { currency } = quote;
	let balance: Balance | undefined;
	if (wantsBalance) {
		const read = await check.balance();
		if (isUnpriced(read)) {
			refuse(
				ctx,
				i,
				`${settings.keepBalanceAtLeast !== undefined ? 'Keep Wallet Balance At Least' : 'Dry Run'}: ${read.unpriced}`,
				'Check the credential and try again later.',
				tool,
			);
		}
		balance = read;
	}
	const after = balance ? balance.cents + (quote.credits ? total : -total) : undefined;
	const verdicts: Verdict[] = [];
	const failures: Array<{ message: string; description: string }> = [];

	if (settings.maxTotal !== undefined) {
		const limit = toCents(settings.maxTotal);
		const passed = total <= limit;
		const detail = `${quote.subject} costs ${money(total, currency)}; the limit is ${money(limit, currency)}`;
		verdicts.push({ guard: 'Max Total', passed, detail });
		if (!passed) {
			failures.push({
				message: `Max Total: ${quote.subject} costs ${money(total, currency)}, more than the limit of ${money(limit, currency)}`,
				description: tool
					? toolLimitText(fixed, currency)
					: 'Raise Max Total, or buy fewer or cheaper plans.',
			});
		}
	}
	if (balance && balance.currency && currency && balance.currency !== currency && !quote.credits) {
		refuse(
			ctx,
			i,
			`${label}: the price is in ${currency} but the wallet is in ${balance.currency}, so they cannot be compared`,
			'Remove Keep Wallet Balance At Least, or buy a plan priced in the wallet currency.',
			tool,
		);
	}
	if (settings.keepBalanceAtLeast !== undefined && balance && after !== undefined) {
		const keep = toCents(settings.keepBalanceAtLeast);
		const passed = after >= keep;
		const detail = `the wallet would go from ${money(balance.cents, balance.currency)} to ${money(after, balance.currency)}; it must stay at least ${money(keep, balance.currency)}`;
		verdicts.push({ guard: 'Keep Wallet Balance At Least', passed, detail });
		if (!passed) {
			failures.push({
				message: `Keep Wallet Balance At Least: paying ${money(total, currency)} would leave ${money(after, balance.currency)} in the wallet, below the ${money(keep, balance.currency)} to keep (balance now ${money(balance.cents, balance.currency)})`,
				description: tool
					? toolLimitText(fixed, currency)
					: 'Add funds to the wallet, lower the amount to keep, or buy less.',
			});
		}
	}
	if (!settings.dryRun) {
		if (failures.length) refuse(ctx, i, failures[0].message, failures[0].description, tool);
		return undefined;
	}
	if (balance && after !== undefined && !quote.credits) {
		verdicts.push({
			guard: 'Balance Covers It',
			passed: after >= 0,
			detail: `the wallet holds ${money(balance.cents, balance.currency)} and ${quote.subject} costs ${money(total, currency)}`,
		});
	}
	const lines = quoteLinesJson(quote);
	const json: IDataObject = {
		dryRun: true,
		wouldBuy: verdicts.every((v) => v.passed),
		...(lines.length === 1
			? { plan: lines[0].plan, quantity: lines[0].quantity, unitPrice: lines[0].unitPrice }
			: {}),
		lines,
		total: total / 100,
		currency,
		balanceBefore: balance ? balance.cents / 100 : null,
		balanceAfter: after === undefined ? null : after / 100,
		guards: verdicts as unknown as IDataObject[],
		allGuardsPass: verdicts.every((v) => v.passed),
		request: check.request,
		note: 'Dry run: nothing was bought. Turn off Dry Run to buy.',
	};
	return [{ json }];
}
