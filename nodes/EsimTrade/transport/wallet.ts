import type { IDataObject } from 'n8n-workflow';

import { priceNumber } from '../../shared/spend/quote';

/** The wallet as `GET /portal/balance` reports it (the wallet is kept in USD). */
export interface TradeWallet {
	/** The balance record as eSIMTrade sent it. */
	data: IDataObject;
	/** `walletBalanceCents`, when it is a whole number. */
	cents?: number;
	/** The balance in USD: the cents, else `walletBalanceUsd` or `balance` ("59.00", "$59.00" or 59); undefined when unreadable. */
	usd?: number;
}

/**
 * The one balance rule: cents when given as a whole number, else the first
 * readable USD amount. Anything else is unreadable (never 0), so a guard
 * refuses and a trigger does not fire on a balance it could not read.
 */
export function walletOf(data: IDataObject): TradeWallet {
	const cents = data.walletBalanceCents;
	if (typeof cents === 'number' && Number.isInteger(cents))
		return { data, cents, usd: cents / 100 };
	const usd = priceNumber(data.walletBalanceUsd) ?? priceNumber(data.balance);
	return usd === undefined ? { data } : { data, usd };
}

/** The balance as a sentence for error messages, or undefined when it cannot be read. */
export function walletText(wallet: TradeWallet): string | undefined {
	return wallet.usd === undefined ? undefined : `The wallet balance is $${wallet.usd.toFixed(2)}.`;
}
