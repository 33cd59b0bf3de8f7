import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { quoteLinesJson, totalMinor, units, type Quote } from './quote';
import { makeQuoteRecord, type QuoteTarget } from './quoteRecord';

export interface Verdict {
	guard: string;
	passed: boolean;
	detail: string;
}

export interface DryRunParts {
	quote: Quote;
	target: QuoteTarget;
	/** The key the quote's fingerprint is made with. */
	key: string;
	balance?: { minor: number; currency: string };
	/** The balance after the purchase, in millionths. */
	after?: number;
	verdicts: Verdict[];
	request: IDataObject;
	validMinutes: number;
}

/** The Dry Run item: what would be bought, the verdict of every guard, and the signed quote to approve. */
export function dryRunItem(parts: DryRunParts): INodeExecutionData {
	const { quote, balance, after, verdicts } = parts;
	const lines = quoteLinesJson(quote);
	const passes = verdicts.every((v) => v.passed);
	const json: IDataObject = {
		dryRun: true,
		wouldBuy: passes,
		...(lines.length === 1
			? { plan: lines[0].plan, quantity: lines[0].quantity, unitPrice: lines[0].unitPrice }
			: {}),
		lines,
		total: units(totalMinor(quote)),
		currency: quote.currency,
		balanceBefore: balance ? units(balance.minor) : null,
		balanceAfter: after === undefined ? null : units(after),
		guards: verdicts as unknown as IDataObject[],
		allGuardsPass: passes,
		request: parts.request,
		quote: makeQuoteRecord(parts.target, quote, balance?.minor, parts.validMinutes, parts.key),
		note: 'Dry run: nothing was bought. Turn off Dry Run to buy; to buy exactly this, pass "quote" to Approved Quote.',
	};
	return { json };
}
