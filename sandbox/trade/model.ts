/** Data model of the eSIMTrade simulator. */

export interface TradeOptions {
	/** Time from order creation to fulfilment (default 300). */
	fulfilmentDelayMs?: number;
	/** Probability 0..1 that a fulfilment fails and the order is cancelled and refunded (default 0). */
	failureRate?: number;
	/** Starting wallet balance in cents (default 1_000_000). */
	walletCents?: number;
	/** Access code of the demo API key (default `demo-access`). */
	accessCode?: string;
	/** Secret key of the demo API key (default `demo-secret`). */
	secretKey?: string;
}

export interface TradeSimOptions extends TradeOptions {
	seed?: number;
}

export type ResolvedTradeOptions = Required<TradeSimOptions>;

export const TRADE_DEFAULTS: ResolvedTradeOptions = {
	seed: 1,
	fulfilmentDelayMs: 300,
	failureRate: 0,
	walletCents: 1_000_000,
	accessCode: 'demo-access',
	secretKey: 'demo-secret',
};

/** List-view status values (lowercase), in lifecycle order. */
export const ORDER_STATUSES = [
	'processing',
	'got_resource',
	'in_use',
	'used_up',
	'unused_expired',
	'used_expired',
	'cancel',
	'revoked',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The provider-side `esimStatus` of the sync route for each list status. */
export const PROVIDER_STATUS: Record<OrderStatus, string> = {
	processing: 'GETTING_RESOURCE',
	got_resource: 'GOT_RESOURCE',
	in_use: 'IN_USE',
	used_up: 'USED_UP',
	unused_expired: 'UNUSED_EXPIRED',
	used_expired: 'USED_EXPIRED',
	cancel: 'CANCEL',
	revoked: 'REVOKED',
};

/** Statuses matched by the `status=active` filter and eligible for top-ups. */
export const ACTIVE_STATUSES: readonly OrderStatus[] = ['got_resource', 'in_use'];

export function isOrderStatus(value: unknown): value is OrderStatus {
	return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** True when an order with `status` matches a list `status` filter value. */
export function statusMatches(status: OrderStatus, filter: string): boolean {
	const wanted = filter.toLowerCase();
	if (wanted === 'active') return ACTIVE_STATUSES.includes(status);
	return status === wanted;
}

export interface Plan {
	packageCode: string;
	slug: string;
	name: string;
	locationCode: string;
	/** Data volume in GB as the catalog shows it (0.5 = 500 MB). */
	volume: number;
	/** The same volume in bytes (GB × 1024³, or MB × 1024² for plans under 1 GB). */
	volumeBytes: number;
	duration: number;
	durationUnit: 'DAY';
	/** Daily plans take `days` on the order; it sets the eSIM's total duration. */
	daily: boolean;
	costCents: number;
	sellCents: number;
}

export interface TopupOption {
	slug: string;
	packageCode: string;
	name: string;
	locationCode: string;
	volume: number;
	volumeBytes: number;
	duration: number;
	durationUnit: 'DAY';
	priceCents: number;
}

export interface EsimUnit {
	iccid: string;
	imsi: string;
	/** LPA matching ID (32 upper-case hex characters). */
	matchingId: string;
	/** LPA activation string `LPA:1$<smdp>$<matchingId>`. */
	ac: string;
	esimTranNo: string;
	smdpStatus: string;
}

export interface TradeOrder {
	/** Insertion sequence; list views are newest (highest) first. */
	seq: number;
	orderNo: string;
	transactionId: string;
	plan: Plan;
	quantity: number;
	days: number | null;
	idempotencyKey: string | null;
	status: OrderStatus;
	/** Total price in cents (sell price × quantity). */
	totalCents: number;
	/** What the wallet was charged; 0 for seeded orders. */
	paidCents: number;
	refunded: boolean;
	/** Bytes used (admin-settable). */
	orderUsage: number;
	/** Bytes added by completed top-ups. */
	topupBytes: number;
	/** Empty until the order got its resources. */
	esims: EsimUnit[];
	createdAt: number;
	updatedAt: number;
	/** When a processing order becomes due for fulfilment. */
	dueAt: number | null;
	source: 'api' | 'seed';
}

export type LedgerType = 'debit' | 'refund' | 'topup';

export interface LedgerEntry {
	seq: number;
	type: LedgerType;
	/** Signed wallet change in cents: negative for `debit` and `topup`, positive for `refund`. */
	cents: number;
	balanceAfterCents: number;
	orderNo?: string;
	topupNo?: string;
	at: number;
}

export interface TopupRecord {
	topupNo: string;
	iccid: string;
	orderNo: string;
	option: TopupOption;
	quantity: number;
	totalCents: number;
	status: 'processing' | 'completed';
	createdAt: number;
	dueAt: number;
}

export interface ResellerProfile {
	name: string;
	email: string;
	role: string;
	companyName: string;
	country: string;
	website: string;
	status: string;
}
