import type { SimResponse } from '../types';
import { tenantView } from './accounts';
import { ApiError, guarded, ok } from './envelope';
import { balanceView, toCents, toUsd } from './ledger';
import { setOrderStatus } from './fulfilment';
import { seedOrders } from './seed';
import type { OrderStatus, State, Tenant } from './model';
import { settleTopup, topupView } from './topups';
import { amount, integer, invalid, objectBody } from './validate';

function tenantOf(state: State, body: Record<string, unknown>): Tenant {
	const id = body.tenantId === undefined ? state.demoTenantId : String(body.tenantId);
	const tenant = state.tenants.get(id);
	if (!tenant) throw new ApiError('NOT_FOUND', `Tenant ${id} not found`);
	return tenant;
}

function balanceOf(tenant: Tenant) {
	return { tenantId: tenant.id, ...balanceView(tenant) };
}

type AdminRun = (
	state: State,
	body: Record<string, unknown>,
	match: string[],
	origin: string,
) => SimResponse;
type AdminRoute = [method: string, pattern: RegExp, run: AdminRun];

function stats(s: State): SimResponse {
	return ok(
		{
			loginCount: s.loginCount,
			revocations: s.revocations,
			orders: s.orders.length,
			balance: toUsd(s.demoTenant().balanceCents),
			pendingFulfilments: s.pending.length,
			transactions: s.transactions.length,
			topups: s.topups.length,
			contacts: s.contacts.length,
		},
		'Stats',
	);
}

const ROUTES: AdminRoute[] = [
	['GET', /^stats$/, stats],
	['GET', /^tenants$/, (s) => ok([...s.tenants.values()].map(tenantView), 'Tenants')],
	['GET', /^balance$/, (s, b) => ok(balanceOf(tenantOf(s, b)), 'Balance')],
	[
		'POST',
		/^balance$/,
		(s, b) => {
			const tenant = tenantOf(s, b);
			tenant.balanceCents = toCents(amount(b.amount, 'amount', 0, 1_000_000_000));
			return ok(balanceOf(tenant), 'Balance set');
		},
	],
	['GET', /^transactions$/, (s) => ok(s.transactions, 'Transactions')],
	['GET', /^orders$/, (s) => ok(s.orders, 'Orders')],
	[
		'POST',
		/^orders\/seed$/,
		(s, b, _m, origin) => {
			const n = integer(b.n, 'n', 1, 100_000);
			const seeded = seedOrders(s, n, {
				status: b.status as OrderStatus | undefined,
				tenantId: b.tenantId === undefined ? undefined : String(b.tenantId),
				email: typeof b.email === 'string' ? b.email : undefined,
				spacingMs:
					b.spacingMs === undefined
						? undefined
						: integer(b.spacingMs, 'spacingMs', 1, 7 * 86_400_000),
				origin,
			});
			return ok({ seeded: seeded.length, total: s.orders.length }, 'Orders seeded', 201);
		},
	],
	[
		'POST',
		/^orders\/([^/]+)\/status$/,
		(s, b, m) => ok(setOrderStatus(s, m[1] as string, b.status), 'Order status set'),
	],
	['GET', /^topups$/, (s) => ok(s.topups.map(topupView), 'Top-ups')],
	[
		'POST',
		/^topups\/([^/]+)\/(paid|approve|reject)$/,
		(s, _b, m) => ok(topupView(settleTopup(s, m[1] as string, m[2] as string)), 'Top-up updated'),
	],
	[
		'POST',
		/^token-lifetime$/,
		(s, b) => {
			s.tokenLifetimeSec = integer(b.seconds, 'seconds', 1, 31_536_000);
			return ok({ seconds: s.tokenLifetimeSec }, 'Token lifetime set');
		},
	],
	[
		'POST',
		/^tokens\/revoke$/,
		(s) => {
			// Every token issued before this millisecond is refused from now on.
			s.revokedBeforeMs = s.now();
			s.revocations++;
			return ok(
				{ revokedBefore: s.iso(s.revokedBeforeMs), revocations: s.revocations },
				'Tokens revoked',
			);
		},
	],
	[
		'POST',
		/^fulfilment$/,
		(s, b) => {
			if (b.delayMs !== undefined)
				s.fulfilmentDelayMs = integer(b.delayMs, 'delayMs', 0, 86_400_000);
			if (b.failureRate !== undefined) {
				if (typeof b.failureRate !== 'number' || b.failureRate < 0 || b.failureRate > 1) {
					invalid('failureRate must be a number between 0 and 1');
				}
				s.failureRate = b.failureRate;
			}
			return ok(
				{ delayMs: s.fulfilmentDelayMs, failureRate: s.failureRate },
				'Fulfilment settings set',
			);
		},
	],
	[
		'POST',
		/^clock\/advance$/,
		(s, b) => {
			s.clockOffsetMs += integer(b.ms, 'ms', 1, 31_536_000_000);
			return ok({ now: s.iso() }, 'Clock advanced');
		},
	],
	['GET', /^contacts$/, (s) => ok(s.contacts, 'Contact submissions')],
];

/** `/__admin/distribute/<subPath>`: test controls; answers in the same envelope. */
export function adminDispatch(
	state: State,
	method: string,
	subPath: string,
	body: unknown,
	origin: string,
): SimResponse {
	return guarded(() => {
		const path = subPath.split('?')[0]?.replace(/^\/+|\/+$/g, '') ?? '';
		const verb = method.toUpperCase();
		for (const [routeMethod, pattern, run] of ROUTES) {
			const m = routeMethod === verb ? pattern.exec(path) : null;
			if (m) return run(state, objectBody(body), [...m], origin);
		}
		throw new ApiError('NOT_FOUND', `No admin route ${verb} ${path}`);
	});
}
