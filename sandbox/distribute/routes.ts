import type { SimRequest, SimResponse } from '../types';
import { login, register, tenantView } from './accounts';
import { authenticate } from './auth';
import { checkout } from './checkout';
import { submitContact } from './contact';
import { exportOrders } from './csv';
import { ApiError, guarded, ok } from './envelope';
import { balanceView, transactionView } from './ledger';
import { getOrder, listOrders } from './orders';
import { availablePlans } from './plans';
import type { State, Tenant } from './model';
import { createTopup, getTopup, submitProof } from './topups';
import { paginate } from './validate';

export const PREFIX = '/api/tenant';

interface Context {
	state: State;
	req: SimRequest;
	/** Set on authenticated routes. */
	tenant: Tenant;
	params: Record<string, string>;
}

interface Route {
	method: string;
	segments: string[];
	auth: boolean;
	run: (ctx: Context) => SimResponse;
}

const route = (method: string, path: string, auth: boolean, run: Route['run']): Route => ({
	method,
	segments: path.split('/'),
	auth,
	run,
});

/** Fixed segments come before parameters, so `orders/export` wins over `orders/:orderId`. */
const ROUTES: Route[] = [
	route('POST', 'register', false, (c) => register(c.state, c.req)),
	route('POST', 'login', false, (c) => login(c.state, c.req)),
	route('POST', 'contact', false, (c) => submitContact(c.state, c.req)),
	route('GET', 'profile', true, (c) => ok(tenantView(c.tenant), 'Profile retrieved')),
	route('GET', 'available-plans', true, (c) => ok(availablePlans(c.state), 'Plans retrieved')),
	route('POST', 'orders/checkout', true, (c) => checkout(c.state, c.tenant, c.req)),
	route('GET', 'orders/export', true, (c) => exportOrders(c.state, c.tenant, c.req)),
	route('GET', 'orders', true, (c) => listOrders(c.state, c.tenant, c.req)),
	route('GET', 'orders/:orderId', true, (c) =>
		getOrder(c.state, c.tenant, c.params.orderId as string),
	),
	route('GET', 'balance', true, (c) => ok(balanceView(c.tenant), 'Balance retrieved')),
	route('GET', 'transactions', true, (c) => {
		const own = c.state.transactions.filter((t) => t.tenantId === c.tenant.id);
		const { items, pagination } = paginate(own, c.req.query);
		return ok({ transactions: items.map(transactionView), pagination }, 'Transactions retrieved');
	}),
	route('POST', 'top-up', true, (c) => createTopup(c.state, c.tenant, c.req)),
	route('GET', 'top-up/:orderId', true, (c) =>
		getTopup(c.state, c.tenant, c.params.orderId as string),
	),
	route('POST', 'top-up/:orderId/proof', true, (c) =>
		submitProof(c.state, c.tenant, c.params.orderId as string, c.req),
	),
];

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function match(route: Route, segments: string[]): Record<string, string> | undefined {
	if (route.segments.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const want = route.segments[i] as string;
		const got = segments[i] as string;
		if (want.startsWith(':')) params[want.slice(1)] = decodeSegment(got);
		else if (want !== got) return undefined;
	}
	return params;
}

/** Dispatches one `/api/tenant/...` request; every failure is an envelope. */
export function dispatch(state: State, req: SimRequest): SimResponse {
	let principal: string | undefined;
	const res = guarded(() => {
		const segments = req.path.slice(PREFIX.length).split('/').filter(Boolean);
		const method = req.method.toUpperCase();
		for (const candidate of ROUTES) {
			const params = candidate.method === method ? match(candidate, segments) : undefined;
			if (!params) continue;
			const tenant = candidate.auth ? authenticate(state, req) : undefined;
			principal = tenant?.id;
			return candidate.run({ state, req, tenant: tenant as Tenant, params });
		}
		throw new ApiError('NOT_FOUND', `No route ${method} ${req.path}`);
	});
	return principal ? { ...res, principal } : res;
}
