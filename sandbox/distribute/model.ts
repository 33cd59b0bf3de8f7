import { createRng, type Rng } from '../rng';

export interface DistributeOptions {
	/** Seed for ids, catalog and fulfilment outcomes (deterministic runs). Default 1. */
	seed?: number;
	/** Lifetime of issued tokens in seconds. Default 3600. */
	tokenLifetimeSec?: number;
	/** Delay before a pending order is fulfilled. Default 300 ms. */
	fulfilmentDelayMs?: number;
	/** Probability 0..1 that a fulfilment fails (and is refunded). Default 0. */
	failureRate?: number;
	/** Starting credit balance of the demo tenant in USD. Default 1000. */
	balance?: number;
	/** Clock in epoch milliseconds. Default `Date.now`. */
	now?: () => number;
}

export const ORDER_STATUSES = [
	'pending',
	'processing',
	'completed',
	'failed',
	'refunded',
	'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Plan {
	id: string;
	name: string;
	countryCode: string;
	country: string;
	dataGb: number;
	validityDays: number;
	price: number;
	currency: 'USD';
	active: boolean;
}

export interface Tenant {
	id: string;
	name: string;
	subdomain: string;
	contactEmail: string;
	status: 'active';
	balanceCents: number;
	createdAt: string;
	passwordHash: string;
}

export interface Esim {
	iccid: string;
	activationCode: string;
	smdpAddress: string;
	matchingId: string;
	qrCodeUrl: string;
}

export interface Order {
	id: string;
	orderNumber: string;
	planId: string;
	planName: string;
	quantity: number;
	unitPrice: number;
	totalAmount: number;
	currency: 'USD';
	status: OrderStatus;
	customerEmail: string;
	customerName: string | null;
	phone: string | null;
	esims: Esim[];
	createdAt: string;
	updatedAt: string;
}

/** An order plus what the simulator needs to run it; the API shows only the `Order` part. */
export interface OrderRecord extends Order {
	tenantId: string;
	/** Sandbox origin the order was placed through, for QR image URLs. */
	origin: string;
	createdMs: number;
	seq: number;
	/** When automatic fulfilment is due; absent once fulfilled or set by hand. */
	dueAt?: number;
	/** Whether the balance was debited (seeded orders are not). */
	charged: boolean;
	refunded: boolean;
}

export type TransactionType = 'checkout' | 'refund' | 'topup';

export interface Transaction {
	id: string;
	type: TransactionType;
	amount: number;
	balanceAfter: number;
	reference: string;
	description: string;
	createdAt: string;
}

export interface TransactionRecord extends Transaction {
	tenantId: string;
}

export const PAYMENT_METHODS = ['stripe', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type TopupStatus =
	'pending' | 'paid' | 'awaiting_proof' | 'proof_submitted' | 'approved' | 'rejected';

export interface BankDetails {
	bankName: string;
	accountName: string;
	accountNumber: string;
	reference: string;
}

export interface Topup {
	id: string;
	amount: number;
	currency: 'USD';
	paymentMethod: PaymentMethod;
	status: TopupStatus;
	successUrl: string | null;
	cancelUrl: string | null;
	checkoutUrl?: string;
	bankDetails?: BankDetails;
	transferProofUrl?: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface TopupRecord extends Topup {
	tenantId: string;
}

export const INQUIRY_TYPES = ['partnership', 'pricing', 'hardware', 'support', 'api'] as const;

export interface ContactSubmission {
	id: string;
	fullName: string;
	email: string;
	companyName: string | null;
	phone: string | null;
	inquiryType: (typeof INQUIRY_TYPES)[number];
	message: string;
	createdAt: string;
}

const newestFirst = (a: OrderRecord, b: OrderRecord): number =>
	b.createdMs - a.createdMs || b.seq - a.seq;

/** Everything the simulator knows; rebuilt from the options on reset. */
export class State {
	readonly rng: Rng;
	readonly seed: number;
	tokenLifetimeSec: number;
	fulfilmentDelayMs: number;
	failureRate: number;
	clockOffsetMs = 0;
	loginCount = 0;
	/** Tokens issued before this simulator time (ms) are refused; 0 = none revoked. */
	revokedBeforeMs = 0;
	/** How many times the admin revoked every token. */
	revocations = 0;
	readonly tenants = new Map<string, Tenant>();
	plans: Plan[] = [];
	demoTenantId = '';
	/** Newest first. */
	orders: OrderRecord[] = [];
	readonly orderIndex = new Map<string, OrderRecord>();
	/** Orders waiting for automatic fulfilment. */
	pending: OrderRecord[] = [];
	/** Newest first. */
	readonly transactions: TransactionRecord[] = [];
	/** Newest first. */
	readonly topups: TopupRecord[] = [];
	/** Oldest first. */
	readonly contacts: ContactSubmission[] = [];
	private seqCounter = 0;

	constructor(private readonly opts: DistributeOptions) {
		this.seed = opts.seed ?? 1;
		this.rng = createRng(this.seed);
		this.tokenLifetimeSec = opts.tokenLifetimeSec ?? 3600;
		this.fulfilmentDelayMs = opts.fulfilmentDelayMs ?? 300;
		this.failureRate = opts.failureRate ?? 0;
	}

	now(): number {
		return (this.opts.now ?? Date.now)() + this.clockOffsetMs;
	}

	iso(ms = this.now()): string {
		return new Date(ms).toISOString();
	}

	nextSeq(): number {
		return ++this.seqCounter;
	}

	/** A version-4-looking UUID from the seeded generator. */
	uuid(): string {
		const h = this.rng.hex(32);
		const variant = '89ab'[parseInt(h[16] as string, 16) & 3];
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
	}

	demoTenant(): Tenant {
		return this.tenants.get(this.demoTenantId) as Tenant;
	}

	/** Adds orders, keeping the list newest first. */
	addOrders(records: OrderRecord[]): void {
		const added = [...records].sort(newestFirst);
		const last = added[added.length - 1];
		const junctionOk = !last || !this.orders[0] || newestFirst(last, this.orders[0]) <= 0;
		this.orders = added.concat(this.orders);
		if (!junctionOk) this.orders.sort(newestFirst);
		for (const record of records) this.orderIndex.set(record.id, record);
	}
}
