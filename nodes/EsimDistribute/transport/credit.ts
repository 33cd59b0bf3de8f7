import type { IDataObject } from 'n8n-workflow';

import { priceNumber } from '../../shared/spend/quote';

/** The credit balance as `GET /api/tenant/balance` reports it. */
export interface DistributeCredit {
	/** The balance record as eSIM Distribute sent it. */
	data: IDataObject;
	/** `creditBalance` (or `balance`) when it is a non-negative amount; undefined when unreadable. */
	amount?: number;
	/** The account currency, upper case (USD unless the answer says otherwise). */
	currency: string;
}

/** The one credit-balance rule of the spend guards, the 402 message and the trigger. */
export function creditOf(data: IDataObject): DistributeCredit {
	const amount = priceNumber(data.creditBalance ?? data.balance);
	const currency = String(data.currency ?? 'USD').toUpperCase();
	return amount === undefined ? { data, currency } : { data, amount, currency };
}

/** The balance as a sentence for error messages, or undefined when it cannot be read. */
export function creditText(credit: DistributeCredit): string | undefined {
	return credit.amount === undefined
		? undefined
		: `The credit balance is ${credit.amount.toFixed(2)} ${credit.currency}.`;
}
