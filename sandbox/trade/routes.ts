import type { SimRequest, SimResponse } from '../types';
import { getBalance, getPlans, getProfile, updateProfile, updateWebhook } from './account';
import type { TradeHandler } from './context';
import { getMetrics } from './metrics';
import { createOrder, listEsims, listOrders, syncOrder } from './orders';
import { fail, objectBody } from './respond';
import type { TradeSim } from './simulator';
import { createTopup, listTopupOptions } from './topups';

export const TRADE_PREFIX = '/api/v1';

/** Every documented eSIMTrade route, keyed `METHOD /path` relative to `/api/v1`. */
const ROUTES: Record<string, TradeHandler> = {
	'GET /portal/balance': getBalance,
	'GET /portal/plans': getPlans,
	'POST /portal/order': createOrder,
	'GET /portal/orders': syncOrder,
	'GET /portal/topups': listTopupOptions,
	'POST /portal/topups': createTopup,
	'GET /reseller/orders': listOrders,
	'GET /reseller/esims': listEsims,
	'GET /reseller/metrics': getMetrics,
	'GET /reseller/profile': getProfile,
	'PATCH /reseller/profile': updateProfile,
	'PATCH /reseller/webhook': updateWebhook,
};

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT']);

function routePath(path: string): string {
	const rest = path.slice(TRADE_PREFIX.length);
	return rest.length > 1 && rest.endsWith('/') ? rest.slice(0, -1) : rest;
}

/** Unknown route → 404, then auth → 401, then a non-object write body → 400, then the handler. */
export function dispatchTrade(sim: TradeSim, req: SimRequest): SimResponse {
	const handler = ROUTES[`${req.method} ${routePath(req.path)}`];
	if (!handler) return fail(404, 'Not found');
	const auth = sim.authenticate(req);
	if (!auth) return fail(401, 'Unauthorized');
	let body: Record<string, unknown> = {};
	if (WRITE_METHODS.has(req.method)) {
		const parsed = objectBody(req.body);
		if (!parsed) return { ...fail(400, 'Invalid JSON body'), principal: auth.principal };
		body = parsed;
	}
	return { ...handler({ sim, req, auth, body, now: Date.now() }), principal: auth.principal };
}
