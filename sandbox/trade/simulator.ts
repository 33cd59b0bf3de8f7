import { createRng, type Rng } from '../rng';
import type { ProviderSim, SimRequest, SimResponse } from '../types';
import { handleTradeAdmin } from './admin';
import { CATALOG, findPlan } from './catalog';
import { OrderFactory, type OrderInput } from './factory';
import {
	isOrderStatus,
	TRADE_DEFAULTS,
	type EsimUnit,
	type LedgerEntry,
	type OrderStatus,
	type Plan,
	type ResellerProfile,
	type ResolvedTradeOptions,
	type TopupOption,
	type TopupRecord,
	type TradeOrder,
	type TradeSimOptions,
} from './model';
import { authenticate, SessionStore, type TradeAuth } from './auth';
import { TopupBook } from './topupBook';
import { dispatchTrade, TRADE_PREFIX } from './routes';
import { Wallet } from './wallet';
import { orderCreatedEvent, refundEvent, statusChangedEvent, topupEvent } from './webhookEvents';
import { WebhookSender } from './webhooks';

export interface SeedOptions {
	status?: string;
	slug?: string;
	/** Gap between the seeded orders' creation times (default 1000 ms); the last one is created now. */
	spacingMs?: number;
}

/** Counters behind the metrics `apiUsage` block. */
export interface TradeStats {
	purchaseCalls: number;
	purchaseSuccesses: number;
	syncCalls: number;
}

function initialProfile(): ResellerProfile {
	return {
		name: 'Sandbox Reseller',
		email: 'reseller@sandbox.esimtrade.test',
		role: 'reseller',
		companyName: '',
		country: '',
		website: '',
		status: 'approved',
	};
}

/** In-memory eSIMTrade: catalog, wallet, orders, eSIMs, top-ups, profile. */
export class TradeSim implements ProviderSim {
	readonly name = 'trade';
	readonly catalog: readonly Plan[] = CATALOG;
	private readonly initial: ResolvedTradeOptions;
	private config!: ResolvedTradeOptions;
	private rng!: Rng;
	private factory!: OrderFactory;
	private wallet!: Wallet;
	private list: TradeOrder[] = [];
	private byOrderNo = new Map<string, TradeOrder>();
	private byIccid = new Map<string, { order: TradeOrder; unit: EsimUnit }>();
	private pending: TradeOrder[] = [];
	private idempotency = new Map<string, { fingerprint: string; orderNo: string }>();
	readonly sessions = new SessionStore();
	readonly topups = new TopupBook();
	profile!: ResellerProfile;
	webhookUrl: string | null = null;
	/** Webhook deliveries to `webhookUrl` (see sandbox/README.md). */
	readonly webhooks: WebhookSender;
	stats!: TradeStats;

	constructor(options: TradeSimOptions = {}) {
		const defined = Object.fromEntries(
			Object.entries(options).filter(([, value]) => value !== undefined),
		);
		this.initial = { ...TRADE_DEFAULTS, ...defined };
		this.webhooks = new WebhookSender(() => this.webhookUrl, this.initial.seed);
		this.reset();
	}

	/** The options in force (fulfilment delay and failure rate can change through `configure`). */
	get options(): ResolvedTradeOptions {
		return { ...this.config };
	}

	configure(changes: { fulfilmentDelayMs?: number; failureRate?: number }): void {
		if (changes.fulfilmentDelayMs !== undefined)
			this.config.fulfilmentDelayMs = changes.fulfilmentDelayMs;
		if (changes.failureRate !== undefined) this.config.failureRate = changes.failureRate;
	}

	reset(): void {
		this.config = { ...this.initial };
		this.rng = createRng(this.initial.seed);
		this.factory = new OrderFactory(this.rng);
		this.wallet = new Wallet(this.initial.walletCents);
		this.list = [];
		this.byOrderNo.clear();
		this.byIccid.clear();
		this.pending = [];
		this.idempotency.clear();
		this.sessions.clear();
		this.topups.clear();
		this.profile = initialProfile();
		this.webhookUrl = null;
		this.webhooks.reset();
		this.stats = { purchaseCalls: 0, purchaseSuccesses: 0, syncCalls: 0 };
	}

	// ---- wallet ----

	get walletCents(): number {
		return this.wallet.cents;
	}

	setWallet(cents: number): void {
		this.wallet.set(cents);
	}

	get ledger(): readonly LedgerEntry[] {
		return this.wallet.ledger;
	}

	/** The wallet itself, for routes that move money. */
	get purse(): Wallet {
		return this.wallet;
	}

	// ---- orders ----

	/** Every order, newest first (a new array on each read). */
	get orders(): TradeOrder[] {
		return this.list.slice().reverse();
	}

	/** Every order, oldest first, without copying. */
	get orderList(): readonly TradeOrder[] {
		return this.list;
	}

	findOrder(orderNo: string): TradeOrder | undefined {
		return this.byOrderNo.get(orderNo);
	}

	findEsim(iccid: string): { order: TradeOrder; unit: EsimUnit } | undefined {
		return this.byIccid.get(iccid);
	}

	idempotentOrder(key: string): { fingerprint: string; order: TradeOrder } | undefined {
		const record = this.idempotency.get(key);
		const order = record && this.byOrderNo.get(record.orderNo);
		return record && order ? { fingerprint: record.fingerprint, order } : undefined;
	}

	/** Debits the wallet and stores a new processing order. The caller has checked the balance. */
	placeOrder(input: OrderInput, fingerprint: string, now = Date.now()): TradeOrder {
		const totalCents = input.plan.sellCents * input.quantity;
		const order = this.factory.order(
			input,
			this.list.length + 1,
			now,
			now + this.config.fulfilmentDelayMs,
			'api',
		);
		order.paidCents = totalCents;
		this.wallet.record('debit', totalCents, { orderNo: order.orderNo }, now);
		this.insert(order);
		if (input.idempotencyKey)
			this.idempotency.set(input.idempotencyKey, { fingerprint, orderNo: order.orderNo });
		this.webhooks.emit(orderCreatedEvent(order));
		return order;
	}

	/** Creates `n` orders directly, without touching the wallet or the ledger. */
	seedOrders(n: number, opts: SeedOptions = {}): TradeOrder[] {
		const status = opts.status ?? 'got_resource';
		if (!isOrderStatus(status)) throw new Error(`Unknown status ${status}`);
		const fixedPlan = opts.slug === undefined ? undefined : findPlan(opts.slug);
		if (opts.slug !== undefined && !fixedPlan) throw new Error(`Unknown slug ${opts.slug}`);
		const spacing = opts.spacingMs ?? 1000;
		const now = Date.now();
		const first = this.list.length;
		const floor = first > 0 ? (this.list[first - 1] as TradeOrder).createdAt : 0;
		const dueAt = status === 'processing' ? now + this.config.fulfilmentDelayMs : null;
		const created: TradeOrder[] = [];
		for (let i = 0; i < n; i++) {
			const at = Math.max(now - (n - 1 - i) * spacing, floor);
			const plan = fixedPlan ?? (this.catalog[(first + i) % this.catalog.length] as Plan);
			const input = { plan, quantity: 1, days: null, idempotencyKey: null };
			const order = this.factory.order(input, first + i + 1, at, dueAt ?? at, 'seed');
			if (status !== 'processing') {
				order.esims = this.factory.esims(order);
				order.status = status;
				order.dueAt = null;
			}
			this.insert(order);
			created.push(order);
		}
		return created;
	}

	/** Moves an order to `status` (allocating eSIMs when it leaves processing, refunding once on cancel). */
	setOrderStatus(orderNo: string, status: string, extra: { orderUsage?: number } = {}): TradeOrder {
		const order = this.byOrderNo.get(orderNo);
		if (!order) throw new Error(`Order ${orderNo} not found`);
		if (!isOrderStatus(status)) throw new Error(`Unknown status ${status}`);
		if (status === 'processing' && order.status !== 'processing')
			throw new Error('An order cannot go back to processing');
		if (extra.orderUsage !== undefined) {
			if (!Number.isFinite(extra.orderUsage) || extra.orderUsage < 0)
				throw new Error('orderUsage must be a non-negative number');
			order.orderUsage = extra.orderUsage;
		}
		const wasProcessing = order.status === 'processing';
		this.transition(order, status, Date.now());
		if (wasProcessing && status !== 'processing')
			this.pending = this.pending.filter((o) => o.status === 'processing');
		return order;
	}

	/** Processes every fulfilment and top-up that is due at `now`. Runs before each request. */
	tick(now = Date.now()): void {
		if (this.pending.length > 0) {
			const due = this.pending.filter((order) => order.dueAt !== null && order.dueAt <= now);
			if (due.length > 0) {
				for (const order of due) {
					const failed = this.rng.chance(this.config.failureRate);
					this.transition(order, failed ? 'cancel' : 'got_resource', now);
				}
				this.pending = this.pending.filter((order) => order.status === 'processing');
			}
		}
		this.topups.completeDue(now, (topup) => {
			const owner = this.byOrderNo.get(topup.orderNo);
			if (owner) owner.topupBytes += topup.option.volumeBytes * topup.quantity;
			this.webhooks.emit(topupEvent(topup));
		});
	}

	// ---- top-ups ----

	/** Debits the wallet and records a processing top-up. The caller has checked ownership and balance. */
	placeTopup(iccid: string, option: TopupOption, quantity: number, now = Date.now()): TopupRecord {
		const owner = this.byIccid.get(iccid);
		if (!owner) throw new Error(`ICCID ${iccid} not found`);
		const totalCents = option.priceCents * quantity;
		const topupNo = this.factory.topupNo(now);
		this.wallet.record('topup', totalCents, { orderNo: owner.order.orderNo, topupNo }, now);
		const record: TopupRecord = {
			topupNo,
			iccid,
			orderNo: owner.order.orderNo,
			option,
			quantity,
			totalCents,
			status: 'processing',
			createdAt: now,
			dueAt: now + this.config.fulfilmentDelayMs,
		};
		this.topups.add(record);
		return record;
	}

	// ---- ProviderSim ----

	matches(path: string): boolean {
		return path === TRADE_PREFIX || path.startsWith(`${TRADE_PREFIX}/`);
	}

	authenticate(req: SimRequest): TradeAuth | undefined {
		return authenticate(req.headers, this.config, (token) => this.sessions.has(token));
	}

	principalOf(req: SimRequest): string | undefined {
		return this.authenticate(req)?.principal;
	}

	handle(req: SimRequest): SimResponse {
		this.tick();
		return dispatchTrade(this, req);
	}

	admin(method: string, subPath: string, body: unknown, origin: string): SimResponse {
		this.tick();
		return handleTradeAdmin(this, method, subPath, body, origin);
	}

	// ---- internals ----

	private insert(order: TradeOrder): void {
		this.list.push(order);
		this.byOrderNo.set(order.orderNo, order);
		for (const unit of order.esims) this.byIccid.set(unit.iccid, { order, unit });
		if (order.status === 'processing') this.pending.push(order);
	}

	private allocate(order: TradeOrder): void {
		if (order.esims.length > 0) return;
		order.esims = this.factory.esims(order);
		for (const unit of order.esims) this.byIccid.set(unit.iccid, { order, unit });
	}

	private transition(order: TradeOrder, status: OrderStatus, now: number): void {
		const previous = order.status;
		const wasProcessing = previous === 'processing';
		if (wasProcessing && status !== 'processing' && status !== 'cancel') this.allocate(order);
		let refunded = false;
		if (status === 'cancel' && !order.refunded && order.paidCents > 0) {
			this.wallet.record('refund', order.paidCents, { orderNo: order.orderNo }, now);
			order.refunded = true;
			refunded = true;
		}
		order.status = status;
		order.updatedAt = now;
		if (status !== 'processing') order.dueAt = null;
		if (previous !== status) this.webhooks.emit(statusChangedEvent(order, previous));
		if (refunded) this.webhooks.emit(refundEvent(order));
	}
}
