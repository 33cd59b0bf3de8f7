import type { State, Tenant, TransactionRecord, TransactionType } from './model';

/** USD amount to integer cents. */
export const toCents = (usd: number): number => Math.round(usd * 100);

/** Integer cents to a USD number with at most two decimals. */
export const toUsd = (cents: number): number => cents / 100;

/** Integer cents as `12.50`. */
export const formatUsd = (cents: number): string => (cents / 100).toFixed(2);

/** `{ creditBalance, currency }` as `GET /balance` shows it. */
export function balanceView(tenant: Tenant): { creditBalance: number; currency: 'USD' } {
	return { creditBalance: toUsd(tenant.balanceCents), currency: 'USD' };
}

/** Moves a tenant's balance by `cents` (negative for debits) and records the transaction. */
export function post(
	state: State,
	tenant: Tenant,
	type: TransactionType,
	cents: number,
	reference: string,
	description: string,
): TransactionRecord {
	tenant.balanceCents += cents;
	const record: TransactionRecord = {
		id: state.uuid(),
		type,
		amount: toUsd(cents),
		balanceAfter: toUsd(tenant.balanceCents),
		reference,
		description,
		createdAt: state.iso(),
		tenantId: tenant.id,
	};
	state.transactions.unshift(record);
	return record;
}

/** A transaction as the API shows it. */
export function transactionView(record: TransactionRecord): Omit<TransactionRecord, 'tenantId'> {
	const { tenantId: _tenantId, ...view } = record;
	return view;
}
