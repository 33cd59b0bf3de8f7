import type { LedgerEntry, LedgerType } from './model';

/** Prepaid reseller wallet with an append-only ledger of every money movement. */
export class Wallet {
	private balance: number;
	private entries: LedgerEntry[] = [];

	constructor(cents: number) {
		this.balance = cents;
	}

	get cents(): number {
		return this.balance;
	}

	get ledger(): readonly LedgerEntry[] {
		return this.entries;
	}

	/** Admin override of the balance; not a ledger movement. */
	set(cents: number): void {
		if (!Number.isInteger(cents) || cents < 0)
			throw new Error('Wallet cents must be a non-negative integer');
		this.balance = cents;
	}

	canPay(cents: number): boolean {
		return this.balance >= cents;
	}

	/** Records a movement; `cents` is the absolute amount, the sign follows the type. */
	record(
		type: LedgerType,
		cents: number,
		refs: { orderNo?: string; topupNo?: string },
		at = Date.now(),
	): LedgerEntry {
		const delta = type === 'refund' ? cents : -cents;
		if (delta < 0 && this.balance + delta < 0) throw new Error('Insufficient wallet balance');
		this.balance += delta;
		const entry: LedgerEntry = {
			seq: this.entries.length + 1,
			type,
			cents: delta,
			balanceAfterCents: this.balance,
			at,
		};
		if (refs.orderNo) entry.orderNo = refs.orderNo;
		if (refs.topupNo) entry.topupNo = refs.topupNo;
		this.entries.push(entry);
		return entry;
	}
}

export function usdString(cents: number): string {
	return (cents / 100).toFixed(2);
}

/** Cents as a plain USD number (250 → 2.5). */
export function usdNumber(cents: number): number {
	return Math.round(cents) / 100;
}
