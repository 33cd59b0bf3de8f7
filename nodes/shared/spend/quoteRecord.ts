import { createHash, createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { stableStringify } from '../esim/stableKey';
import { lineMinor, totalMinor, units, type Quote } from './quote';

/** Which purchase a quote is for: the provider's id (its credential's prefix) and `<resource>.<operation>`. */
export interface QuoteTarget {
	provider: string;
	operation: string;
	/** The credential fields the fingerprint is bound to (not a session token, which n8n renews). */
	keyFields: string[];
}

/** The `quote` object of a Dry Run item, as an approval step sees it and Approved Quote takes it back. */
export interface QuoteRecord extends IDataObject {
	provider: string;
	operation: string;
	lines: IDataObject[];
	quantity: number;
	unitPrice: number | null;
	total: number;
	currency: string;
	balance: number | null;
	createdAt: string;
	expiresAt: string;
	fingerprint: string;
}

/**
 * The key a quote's fingerprint is made with: derived from the credential, so
 * only someone holding it can make a fingerprint that matches, and a quote of
 * one account does not pass for another's.
 */
export function quoteKey(credentials: IDataObject, fields: string[]): string {
	const parts = fields.map((field) => [field, String(credentials[field] ?? '')]);
	return createHash('sha256')
		.update(`n8n-nodes-esim quote\n${stableStringify(parts)}`)
		.digest('hex');
}

/** HMAC-SHA256 (hex) over every field of the quote except the fingerprint itself. */
export function fingerprintOf(quote: IDataObject, key: string): string {
	const rest = Object.fromEntries(Object.entries(quote).filter(([name]) => name !== 'fingerprint'));
	return createHmac('sha256', key).update(stableStringify(rest)).digest('hex');
}

/** The public line of a priced line: what identifies it (`ref`), then quantity and unit price. */
export function publicLines(quote: Quote): IDataObject[] {
	return quote.lines.map((line) => {
		const json: IDataObject = {
			...(line.ref ?? { planId: line.plan }),
			quantity: line.quantity,
			unitPrice: units(line.unitMinor),
		};
		if (line.periods !== undefined && line.periods !== 1) json.periods = line.periods;
		json.total = units(lineMinor(line));
		return json;
	});
}

/** Makes the signed quote a Dry Run outputs. */
export function makeQuoteRecord(
	target: QuoteTarget,
	quote: Quote,
	balanceMinor: number | undefined,
	validMinutes: number,
	key: string,
	now = Date.now(),
): QuoteRecord {
	const lines = publicLines(quote);
	const record: IDataObject = {
		provider: target.provider,
		operation: target.operation,
		lines,
		quantity: quote.lines.reduce((sum, line) => sum + line.quantity, 0),
		unitPrice: lines.length === 1 ? (lines[0].unitPrice as number) : null,
		total: units(totalMinor(quote)),
		currency: quote.currency,
		balance: balanceMinor === undefined ? null : units(balanceMinor),
		createdAt: new Date(now).toISOString(),
		expiresAt: new Date(now + Math.round(validMinutes * 60_000)).toISOString(),
	};
	return { ...record, fingerprint: fingerprintOf(record, key) } as QuoteRecord;
}
