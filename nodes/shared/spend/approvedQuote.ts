import { jsonParse, type IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { fingerprintOf, publicLines, type QuoteRecord, type QuoteTarget } from './quoteRecord';
import { money as format, toMinor, totalMinor, units, type Quote } from './quote';

const scalar = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);
const amount = z.number({ invalid_type_error: 'must be a number' }).finite().nonnegative();
const instant = z
	.string({ invalid_type_error: 'must be an ISO date-time text' })
	.datetime({ offset: true, message: 'must be an ISO date-time such as 2026-01-31T12:00:00.000Z' });

const schema = z
	.object({
		provider: z
			.string({ invalid_type_error: 'must be text' })
			.regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'must be the provider a Dry Run named'),
		operation: z.string({ invalid_type_error: 'must be text' }).min(1).max(64),
		lines: z
			.array(
				z.object({ quantity: z.number().int().positive(), unitPrice: amount }).catchall(scalar),
				{ invalid_type_error: 'must be a list of lines' },
			)
			.min(1, 'must list at least one line')
			.max(100, 'must list at most 100 lines'),
		quantity: z.number().int().nonnegative(),
		unitPrice: amount.nullable(),
		total: amount,
		currency: z.string({ invalid_type_error: 'must be text' }).min(1).max(8),
		balance: z.number().finite().nullable(),
		createdAt: instant,
		expiresAt: instant,
		fingerprint: z
			.string({ invalid_type_error: 'must be text' })
			.regex(/^[0-9a-f]{64}$/, 'must be the 64-character hex fingerprint of the quote'),
	})
	.strict('has a field a quote does not have');

export const quoteSchema = schema;

/** What a failed approval check says: the message and what to do. */
export interface QuoteProblem {
	message: string;
	description: string;
}

const AGAIN = 'Make a new quote (run this node with Dry Run) and have that one approved.';

/**
 * Reads Approved Quote: the quote object of a Dry Run item, or its JSON text.
 * Undefined when the option is empty; a problem when it is not a quote.
 */
export function readApprovedQuote(
	raw: unknown,
): { quote: QuoteRecord } | { problem: QuoteProblem } | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		const text = raw.trim();
		if (!text) return undefined;
		try {
			value = jsonParse(text);
		} catch {
			return {
				problem: {
					message: 'Approved Quote: must be the quote object of a Dry Run item, or its JSON text',
					description: `It is text that is not JSON. Map the quote, e.g. {{ $('Quote').item.json.quote }}. Nothing was bought.`,
				},
			};
		}
	}
	const parsed = schema.safeParse(value);
	if (parsed.success) return { quote: parsed.data as QuoteRecord };
	const issue = parsed.error.issues[0];
	const where = issue.path.length ? `quote.${issue.path.join('.')}` : 'the quote';
	return {
		problem: {
			message: `Approved Quote: ${where} ${issue.message}`,
			description: `Approved Quote takes the "quote" object of a Dry Run item unchanged. Nothing was bought. ${AGAIN}`,
		},
	};
}

const differs = (changed: string[]): QuoteProblem => ({
	message: `Approved Quote: this purchase is not the one approved: ${changed.join('; ')}`,
	description: `With Approved Quote the node buys exactly what the quote says, or nothing. Nothing was bought. ${AGAIN}`,
});

/** Why the approved quote cannot be used at all (another purchase, altered, expired), before pricing. */
export function checkQuoteSeal(
	quote: QuoteRecord,
	target: QuoteTarget,
	key: string,
	now = Date.now(),
): QuoteProblem | undefined {
	const changed: string[] = [];
	if (quote.provider !== target.provider)
		changed.push(`provider (quoted ${quote.provider}, this node is ${target.provider})`);
	if (quote.operation !== target.operation)
		changed.push(`operation (quoted ${quote.operation}, this is ${target.operation})`);
	if (changed.length) return differs(changed);
	if (fingerprintOf(quote, key) !== quote.fingerprint) {
		return {
			message:
				'Approved Quote: the quote was altered after it was made (its fingerprint does not match its contents)',
			description: `A quote is used exactly as the Dry Run made it, with the same credential. Nothing was bought. ${AGAIN}`,
		};
	}
	const expires = Date.parse(quote.expiresAt);
	if (!(expires > now)) {
		const ago = Math.max(0, Math.round((now - expires) / 60_000));
		return {
			message: `Approved Quote: the quote expired at ${quote.expiresAt} (${ago} minute${ago === 1 ? '' : 's'} ago)`,
			description: `Prices can change, so a quote is good only until it expires (option Quote Valid For). Nothing was bought. ${AGAIN}`,
		};
	}
	return undefined;
}

const FIELD_WORD: Record<string, string> = {
	planId: 'plan',
	packageId: 'plan',
	iccid: 'ICCID',
	days: 'days',
	amount: 'amount',
	paymentMethod: 'payment method',
};

const shown = (value: unknown) => (value === undefined || value === null ? 'none' : String(value));

/** What differs between the approved quote and the purchase as priced now; undefined when they are the same. */
export function compareQuote(approved: QuoteRecord, now: Quote): QuoteProblem | undefined {
	const changed: string[] = [];
	const current = publicLines(now);
	const money = (value: unknown, currency: string) =>
		typeof value === 'number' ? format(toMinor(value), currency) : `${shown(value)} ${currency}`;
	if (approved.currency !== now.currency)
		changed.push(`currency (quoted ${approved.currency}, now ${now.currency})`);
	if (approved.lines.length !== current.length)
		changed.push(`plan (quoted ${approved.lines.length} line(s), now ${current.length})`);
	const count = Math.min(approved.lines.length, current.length);
	for (let n = 0; n < count; n++) {
		const was = approved.lines[n] as IDataObject;
		const is = current[n];
		const at = count > 1 ? ` of line ${n + 1}` : '';
		const names = new Set([...Object.keys(was), ...Object.keys(is)]);
		for (const name of ['quantity', 'unitPrice', 'total', 'periods']) names.delete(name);
		for (const name of names) {
			if (was[name] !== is[name])
				changed.push(
					`${FIELD_WORD[name] ?? name}${at} (quoted ${shown(was[name])}, now ${shown(is[name])})`,
				);
		}
		if (was.quantity !== is.quantity)
			changed.push(`quantity${at} (quoted ${shown(was.quantity)}, now ${shown(is.quantity)})`);
		if ((was.periods ?? 1) !== (is.periods ?? 1))
			changed.push(`days${at} (quoted ${shown(was.periods ?? 1)}, now ${shown(is.periods ?? 1)})`);
		if (was.unitPrice !== is.unitPrice)
			changed.push(
				`price${at} (quoted ${money(was.unitPrice, approved.currency)}, now ${money(is.unitPrice, now.currency)})`,
			);
	}
	if (!changed.length && approved.total !== units(totalMinor(now)))
		changed.push(
			`total (quoted ${money(approved.total, approved.currency)}, now ${money(units(totalMinor(now)), now.currency)})`,
		);
	return changed.length ? differs(changed) : undefined;
}
