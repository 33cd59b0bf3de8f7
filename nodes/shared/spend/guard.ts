import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkQuoteSeal, compareQuote } from './approvedQuote';
import { dryRunItem, type Verdict } from './dryRun';
import { money, toMinor, totalMinor, type Quote } from './quote';
import { quoteKey, type QuoteTarget } from './quoteRecord';
import { refuse, requireFixedLimit, toolLimitText } from './refuse';
import type { SpendSettings } from './settings';
import { isToolCall } from './toolMode';

/** What a pricing or balance step answers when the provider's data cannot price the purchase; the text says why. */
export interface Unpriced {
	unpriced: string;
}

export const unpriced = (reason: string): Unpriced => ({ unpriced: reason });

export const isUnpriced = (value: unknown): value is Unpriced =>
	typeof value === 'object' && value !== null && typeof (value as Unpriced).unpriced === 'string';

/** A balance read from the provider, in millionths of its currency. */
export interface Balance {
	minor: number;
	currency: string;
}

export interface SpendCheck {
	settings: SpendSettings;
	/** Which purchase this is, for the quote. */
	target: QuoteTarget;
	/** The credential type whose values the quote's fingerprint is bound to. */
	credentialType: string;
	/** Prices the purchase from provider data, or says why it cannot. */
	price: () => Promise<Quote | Unpriced>;
	/** Reads the wallet balance, or says why the answer has none. */
	balance: () => Promise<Balance | Unpriced>;
	/** The currency of the wallet, which Max Total and Keep Wallet Balance At Least are in. */
	walletCurrency: () => Promise<string | Unpriced>;
	/** What would be sent, shown in the dry-run item. */
	request: IDataObject;
}

/** What the purchase was priced at before it was sent, to compare with what the provider charges. */
export interface Priced {
	totalMinor: number;
	currency: string;
	/** "the approved quote", "Max Total" ...: what the price was checked against. */
	basis: string;
	/** The Max Total, in millionths, when one was set. */
	limitMinor?: number;
}

/** The dry-run item (nothing is sent), or what the purchase that may now go ahead was priced at. */
export interface SpendOutcome {
	dryRun?: INodeExecutionData[];
	priced?: Priced;
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

function labelOf(settings: SpendSettings): string {
	if (settings.approvedQuote) return 'Approved Quote';
	if (settings.maxTotal !== undefined) return 'Max Total';
	if (settings.keepBalanceAtLeast !== undefined) return 'Keep Wallet Balance At Least';
	return 'Dry Run';
}

/**
 * Applies Approved Quote, Max Total, Keep Wallet Balance At Least, the AI tool
 * rule and Dry Run before a money-moving request. Amounts are compared only
 * in one currency, as exact integers. A refused purchase is a
 * NodeOperationError with the item index; no money-moving request was sent.
 */
export async function guardSpend(
	ctx: IExecuteFunctions,
	i: number,
	check: SpendCheck,
): Promise<SpendOutcome> {
	const { settings } = check;
	const tool = isToolCall(ctx);
	const fixed = requireFixedLimit(ctx, i, settings);
	const approved = settings.approvedQuote;
	const limits = settings.maxTotal !== undefined || settings.keepBalanceAtLeast !== undefined;
	if (!limits && !settings.dryRun && !approved) return {};
	const key =
		approved || settings.dryRun
			? quoteKey(await ctx.getCredentials(check.credentialType, i), check.target.keyFields)
			: '';
	if (approved) {
		const problem = checkQuoteSeal(approved, check.target, key);
		if (problem) refuse(ctx, i, problem.message, problem.description, tool);
	}
	const label = labelOf(settings);
	const quote = await priced(ctx, i, label, check.price, tool);
	if (approved) {
		const problem = compareQuote(approved, quote);
		if (problem) refuse(ctx, i, problem.message, problem.description, tool);
	}
	const total = totalMinor(quote);
	const { currency } = quote;
	if (limits && !quote.credits) {
		const wallet = await check.walletCurrency();
		if (isUnpriced(wallet))
			refuse(
				ctx,
				i,
				`${label}: ${wallet.unpriced}`,
				'Check the credential and try again later.',
				tool,
			);
		if (wallet !== currency) {
			const guard = settings.maxTotal !== undefined ? 'Max Total' : 'Keep Wallet Balance At Least';
			refuse(
				ctx,
				i,
				`${guard}: ${quote.subject} is priced in ${currency} but the wallet, and so ${guard}, is in ${wallet}; amounts in different currencies are never compared`,
				`Buy a plan priced in ${wallet}, or remove ${guard} to buy without this check.`,
				tool,
			);
		}
	}
	const wantsBalance = settings.dryRun || settings.keepBalanceAtLeast !== undefined;
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
	if (balance && balance.currency && currency && balance.currency !== currency && !quote.credits) {
		refuse(
			ctx,
			i,
			`${label}: the price is in ${currency} but the wallet is in ${balance.currency}, so they cannot be compared`,
			'Remove Keep Wallet Balance At Least, or buy a plan priced in the wallet currency.',
			tool,
		);
	}
	const after = balance ? balance.minor + (quote.credits ? total : -total) : undefined;
	const verdicts: Verdict[] = [];
	const failures: Array<{ message: string; description: string }> = [];
	// A limit is rounded down to the finest unit, a price up: rounding never lets a purchase pass.
	const limit = settings.maxTotal === undefined ? undefined : toMinor(settings.maxTotal, 'down');
	if (limit !== undefined) {
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
	if (settings.keepBalanceAtLeast !== undefined && balance && after !== undefined) {
		const keep = toMinor(settings.keepBalanceAtLeast);
		const passed = after >= keep;
		const detail = `the wallet would go from ${money(balance.minor, balance.currency)} to ${money(after, balance.currency)}; it must stay at least ${money(keep, balance.currency)}`;
		verdicts.push({ guard: 'Keep Wallet Balance At Least', passed, detail });
		if (!passed) {
			failures.push({
				message: `Keep Wallet Balance At Least: paying ${money(total, currency)} would leave ${money(after, balance.currency)} in the wallet, below the ${money(keep, balance.currency)} to keep (balance now ${money(balance.minor, balance.currency)})`,
				description: tool
					? toolLimitText(fixed, currency)
					: 'Add funds to the wallet, lower the amount to keep, or buy less.',
			});
		}
	}
	if (!settings.dryRun) {
		if (failures.length) refuse(ctx, i, failures[0].message, failures[0].description, tool);
		const basis = approved ? 'the approved quote' : limit !== undefined ? 'Max Total' : label;
		return { priced: { totalMinor: total, currency, basis, limitMinor: limit } };
	}
	if (balance && after !== undefined && !quote.credits) {
		verdicts.push({
			guard: 'Balance Covers It',
			passed: after >= 0,
			detail: `the wallet holds ${money(balance.minor, balance.currency)} and ${quote.subject} costs ${money(total, currency)}`,
		});
	}
	return {
		dryRun: [
			dryRunItem({
				quote,
				target: check.target,
				key,
				balance,
				after,
				verdicts,
				request: check.request,
				validMinutes: settings.quoteValidMinutes,
			}),
		],
	};
}
