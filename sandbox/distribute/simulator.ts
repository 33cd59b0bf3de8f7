import type { ProviderSim, SimRequest, SimResponse } from '../types';
import { DEMO_CREDENTIALS, createTenant, tenantView } from './accounts';
import { adminDispatch } from './admin';
import { principalOf } from './auth';
import { setOrderStatus, processDue } from './fulfilment';
import { toCents, toUsd } from './ledger';
import { buildCatalog } from './plans';
import { PREFIX, dispatch } from './routes';
import { seedOrders, type SeedOrderOptions } from './seed';
import { findTopup } from './topups';
import {
	State,
	type ContactSubmission,
	type DistributeOptions,
	type OrderRecord,
	type OrderStatus,
	type Plan,
	type TopupRecord,
	type TransactionRecord,
} from './model';

export type { DistributeOptions, SeedOrderOptions };
export type {
	ContactSubmission,
	Esim,
	Order,
	OrderRecord,
	OrderStatus,
	Plan,
	Tenant,
	Topup,
	TopupRecord,
	Transaction,
	TransactionRecord,
} from './model';

function seededState(opts: DistributeOptions): State {
	const state = new State(opts);
	state.plans = buildCatalog(state);
	state.demoTenantId = createTenant(state, {
		name: 'Demo Tenant',
		subdomain: 'demo',
		contactEmail: DEMO_CREDENTIALS.email,
		password: DEMO_CREDENTIALS.password,
		balanceCents: toCents(opts.balance ?? 1000),
	}).id;
	return state;
}

/** The eSIM Distribute tenant API (`/api/tenant/...`), in memory. */
export class DistributeSim implements ProviderSim {
	readonly name = 'distribute';
	readonly demoCredentials = DEMO_CREDENTIALS;
	private state: State;

	constructor(private readonly opts: DistributeOptions = {}) {
		this.state = seededState(opts);
	}

	matches(path: string): boolean {
		return path === PREFIX || path.startsWith(`${PREFIX}/`);
	}

	principalOf(req: SimRequest): string | undefined {
		return principalOf(this.state, req);
	}

	handle(req: SimRequest): SimResponse {
		this.tick();
		return dispatch(this.state, req);
	}

	admin(method: string, subPath: string, body: unknown, origin: string): SimResponse {
		this.tick();
		return adminDispatch(this.state, method, subPath, body, origin);
	}

	reset(): void {
		this.state = seededState(this.opts);
	}

	/** Fulfils pending orders due by `now` (default: the simulator clock). */
	tick(now: number = this.state.now()): void {
		processDue(this.state, now);
	}

	/** The simulator clock (epoch ms): the injected `now()` plus any advance. */
	now(): number {
		return this.state.now();
	}

	/** Moves the simulator clock forward (token expiry, fulfilment). */
	advanceClock(ms: number): void {
		this.state.clockOffsetMs += ms;
	}

	/** Demo tenant's credit balance in USD. */
	get balance(): number {
		return toUsd(this.state.demoTenant().balanceCents);
	}

	/** Sets the demo tenant's balance (no transaction is recorded). */
	setBalance(usd: number): void {
		this.state.demoTenant().balanceCents = toCents(usd);
	}

	get demoTenantId(): string {
		return this.state.demoTenantId;
	}

	/** All tenants' orders, newest first. */
	get orders(): readonly OrderRecord[] {
		return this.state.orders;
	}

	findOrder(id: string): OrderRecord | undefined {
		return this.state.orderIndex.get(id);
	}

	/** All tenants' transactions, newest first. */
	get transactions(): readonly TransactionRecord[] {
		return this.state.transactions;
	}

	/** All tenants' top-ups, newest first. */
	get topups(): readonly TopupRecord[] {
		return this.state.topups;
	}

	findTopup(id: string): TopupRecord | undefined {
		return findTopup(this.state, id);
	}

	/** Contact form submissions, oldest first. */
	get contacts(): readonly ContactSubmission[] {
		return this.state.contacts;
	}

	/** The whole catalog, including inactive plans. */
	get plans(): readonly Plan[] {
		return this.state.plans;
	}

	get tenants(): ReturnType<typeof tenantView>[] {
		return [...this.state.tenants.values()].map(tenantView);
	}

	get loginCount(): number {
		return this.state.loginCount;
	}

	/** Lifetime of tokens issued from now on. */
	setTokenLifetime(seconds: number): void {
		this.state.tokenLifetimeSec = seconds;
	}

	/** Sets the fulfilment delay (for orders placed from now on) and/or the failure rate. */
	setFulfilment(settings: { delayMs?: number; failureRate?: number }): void {
		this.state.fulfilmentDelayMs = settings.delayMs ?? this.state.fulfilmentDelayMs;
		this.state.failureRate = settings.failureRate ?? this.state.failureRate;
	}

	/** Sets an order's status by hand (refunding charged orders on failed/refunded/cancelled). */
	setOrderStatus(id: string, status: OrderStatus): OrderRecord {
		return setOrderStatus(this.state, id, status);
	}

	/** Adds `n` historical orders without any balance change. */
	seedOrders(n: number, opts?: SeedOrderOptions): OrderRecord[] {
		return seedOrders(this.state, n, opts);
	}
}

export function createDistributeSim(opts?: DistributeOptions): DistributeSim {
	return new DistributeSim(opts);
}
