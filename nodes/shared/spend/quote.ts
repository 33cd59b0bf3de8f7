import type { IDataObject } from 'n8n-workflow';

/** One priced line of a purchase. */
export interface QuoteLine {
	/** The plan or top-up as the provider names it (slug or id). */
	plan: string;
	name?: string;
	quantity: number;
	/** Price of one unit, in cents of `currency`. */
	unitCents: number;
	/** Units charged per unit bought (e.g. days of a plan sold per day), 1 otherwise. */
	periods?: number;
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

export const toCents = (amount: number): number => Math.round(amount * 100);

export const money = (cents: number, currency: string): string =>
	`${(cents / 100).toFixed(2)} ${currency}`;

export const lineCents = (line: QuoteLine): number =>
	line.unitCents * line.quantity * (line.periods ?? 1);

export const totalCents = (quote: Quote): number =>
	quote.lines.reduce((sum, line) => sum + lineCents(line), 0);

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
			unitPrice: line.unitCents / 100,
		};
		if (line.name) json.name = line.name;
		if (line.periods !== undefined && line.periods !== 1) json.periods = line.periods;
		json.total = lineCents(line) / 100;
		return json;
	});
}
