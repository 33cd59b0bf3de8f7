import type { SimResponse } from '../types';
import { SESSION_COOKIE } from './auth';
import type { TradeOrder } from './model';
import { fail, objectBody, ok } from './respond';
import type { TradeSim } from './simulator';
import { qrCodeUrl } from './views';
import { usdString } from './wallet';
import { handleWebhookAdmin } from './webhookAdmin';

/** Everything the simulator knows about an order, for tests, benches and the demo. */
function adminOrderView(order: TradeOrder, origin: string): Record<string, unknown> {
	return {
		seq: order.seq,
		orderNo: order.orderNo,
		status: order.status,
		slug: order.plan.slug,
		quantity: order.quantity,
		days: order.days,
		idempotencyKey: order.idempotencyKey,
		totalCents: order.totalCents,
		paidCents: order.paidCents,
		refunded: order.refunded,
		orderUsage: order.orderUsage,
		source: order.source,
		createdAt: new Date(order.createdAt).toISOString(),
		updatedAt: new Date(order.updatedAt).toISOString(),
		esims: order.esims.map((unit) => ({
			iccid: unit.iccid,
			ac: unit.ac,
			esimTranNo: unit.esimTranNo,
			qrCodeUrl: qrCodeUrl(origin, unit.iccid),
		})),
	};
}

function walletView(sim: TradeSim): Record<string, unknown> {
	return { walletCents: sim.walletCents, walletBalanceUsd: usdString(sim.walletCents) };
}

/** Runs `action`, turning a thrown error into a 400 with its message. */
function attempt(action: () => SimResponse): SimResponse {
	try {
		return action();
	} catch (error) {
		return fail(400, error instanceof Error ? error.message : String(error));
	}
}

const isNonNegative = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * `/__admin/trade/...`: wallet, ledger, orders (list, seed, status), top-ups,
 * portal sessions, runtime config, profile, tick and reset.
 */
export function handleTradeAdmin(
	sim: TradeSim,
	method: string,
	subPath: string,
	rawBody: unknown,
	origin: string,
): SimResponse {
	const path = subPath.split('?')[0]!.replace(/^\/+|\/+$/g, '');
	const body = objectBody(rawBody);
	if (!body) return fail(400, 'Invalid JSON body');
	if (path === 'webhooks' || path.startsWith('webhooks/'))
		return attempt(() => handleWebhookAdmin(sim, method, path, body));
	const route = `${method} ${path}`;
	const statusMatch = /^orders\/([^/]+)\/status$/.exec(path);
	if (method === 'POST' && statusMatch) {
		const orderNo = decodeURIComponent(statusMatch[1] as string);
		if (!sim.findOrder(orderNo)) return fail(404, 'Order not found');
		const orderUsage = body.orderUsage as number | undefined;
		return attempt(() =>
			ok({
				order: adminOrderView(
					sim.setOrderStatus(orderNo, String(body.status), { orderUsage }),
					origin,
				),
			}),
		);
	}
	const orderMatch = /^orders\/([^/]+)$/.exec(path);
	if (method === 'GET' && orderMatch && orderMatch[1] !== 'seed') {
		const order = sim.findOrder(decodeURIComponent(orderMatch[1] as string));
		return order ? ok({ order: adminOrderView(order, origin) }) : fail(404, 'Order not found');
	}
	switch (route) {
		case 'GET wallet':
			return ok(walletView(sim));
		case 'POST wallet':
			return attempt(() => {
				sim.setWallet(body.cents as number);
				return ok(walletView(sim));
			});
		case 'GET ledger':
			return ok({ entries: sim.ledger });
		case 'GET orders':
			return ok({
				total: sim.orderList.length,
				orders: sim.orders.map((order) => adminOrderView(order, origin)),
			});
		case 'POST orders/seed':
			return attempt(() => {
				const n = body.n;
				if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > 1_000_000)
					throw new Error('n must be an integer 0..1000000');
				const spacingMs = body.spacingMs as number | undefined;
				const status = body.status as string | undefined;
				const slug = body.slug as string | undefined;
				const created = sim.seedOrders(n as number, { status, slug, spacingMs });
				return ok({ created: created.length, total: sim.orderList.length });
			});
		case 'GET topups':
			return ok({ topups: sim.topups.records });
		case 'POST session': {
			const token = sim.sessions.issue();
			return ok({ token, cookie: `${SESSION_COOKIE}=${token}` });
		}
		case 'GET config':
			return ok({
				fulfilmentDelayMs: sim.options.fulfilmentDelayMs,
				failureRate: sim.options.failureRate,
			});
		case 'POST config': {
			const { fulfilmentDelayMs, failureRate } = body;
			if (fulfilmentDelayMs !== undefined && !isNonNegative(fulfilmentDelayMs))
				return fail(400, 'fulfilmentDelayMs must be >= 0');
			if (failureRate !== undefined && !(isNonNegative(failureRate) && failureRate <= 1))
				return fail(400, 'failureRate must be 0..1');
			sim.configure({ fulfilmentDelayMs, failureRate });
			return ok({
				fulfilmentDelayMs: sim.options.fulfilmentDelayMs,
				failureRate: sim.options.failureRate,
			});
		}
		case 'GET profile':
			return ok({ profile: sim.profile, webhookUrl: sim.webhookUrl });
		case 'POST tick': {
			const advanceMs = body.advanceMs ?? 0;
			if (!isNonNegative(advanceMs)) return fail(400, 'advanceMs must be >= 0');
			sim.tick(Date.now() + advanceMs);
			return ok({ ok: true });
		}
		case 'POST reset':
			sim.reset();
			return ok({ ok: true });
		default:
			return fail(404, 'Not found');
	}
}
