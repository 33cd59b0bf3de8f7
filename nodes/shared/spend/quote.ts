import type { IDataObject } from 'n8n-workflow';

/**
 * Amounts are exact integers of the finest unit any provider prices in:
 * millionths of the currency (a price of 0.004 is 4000). Totals add and
 * multiply integers only, so nothing rounds away before a limit is compared.
 */
export const MINOR_PER_UNIT = 1_000_000;

/** One priced line of a purchase. */
export interface QuoteLine {
	/** The plan or top-up as the provider names it (slug or id). */
	plan: string;
	name?: string;
	quantity: number;
	/** Price of one unit, in millionths of `currency`. */
	unitMinor: number;
	/** Units charged per unit bought (e.g. days of a plan sold per day), 1 otherwise. */
	periods?: number;
	/** What identifies the line in a quote (e.g. `{ planId, days }`, `{ planId, iccid }`, `{ amount, paymentMethod }`); `{ planId: plan }` by default. */
	ref?: IDataObject;
}

/** What a purchase costs, priced from the provider's own plan or top-up data before anything is sent. */
export interface Quote {
	/** What is bought, in words: "this order", "the basket", "this top-up". */
	subject: string;
	lines: QuoteLine[];
	currency: string;
	/** Whether the purchase adds to the balance (a wallet top-up) instead of spending it. */
	credits?: boolean;
}

/**
 * An amount in millionths. A price is rounded up and a balance down when it
 * has more decimals than that, so a limit is never passed by rounding.
 */
export function toMinor(amount: number, round: 'up' | 'down' = 'up'): number {
	const scaled = amount * MINOR_PER_UNIT;
	const nearest = Math.round(scaled);
	if (Math.abs(scaled - nearest) < 1e-6) return nearest;
	return round === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
}

/** A minor-unit amount as a number of currency units (exact for up to 6 decimals). */
export const units = (minor: number): number => Number((minor / MINOR_PER_UNIT).toFixed(6));

/** "7.50 USD", "0.004 USD": at least two decimals, more only where the amount has them. */
export function money(minor: number, currency: string): string {
	const text = (minor / MINOR_PER_UNIT).toFixed(6).replace(/(\.\d\d\d*?)0+$/, '$1');
	return `${text} ${currency}`.trim();
}

export const lineMinor = (line: QuoteLine): number =>
	line.unitMinor * line.quantity * (line.periods ?? 1);

export const totalMinor = (quote: Quote): number =>
	quote.lines.reduce((sum, line) => sum + lineMinor(line), 0);

/** A price read from provider data: a finite number, or text such as "2.50" or "$2.50". */
export function priceNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim().replace(/^\$/, '');
	if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
	return Number(text);
}

/** The lines as output items show them: plan, quantity, unit price and total in the currency's units. */
export function quoteLinesJson(quote: Quote): IDataObject[] {
	return quote.lines.map((line) => {
		const json: IDataObject = {
			plan: line.plan,
			quantity: line.quantity,
			unitPrice: units(line.unitMinor),
		};
		if (line.name) json.name = line.name;
		if (line.periods !== undefined && line.periods !== 1) json.periods = line.periods;
		json.total = units(lineMinor(line));
		return json;
	});
}
