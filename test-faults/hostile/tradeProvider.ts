import type { ServerResponse } from 'node:http';

import { luhnDigit } from '../../nodes/shared/esim/iccid';
import { hostileServer, sendJson, type HostileServer, type Received } from './server';

export interface PlacedOrder {
	orderNo: string;
	slug: string;
	iccid: string;
	/** null for orders of other clients buying the same plan. */
	key: string | null;
}

export interface Answer {
	status?: number;
	body: unknown;
	headers?: Record<string, string>;
}

export interface TradeBehaviour {
	/** The answer to POST /portal/order; `replay` when the idempotency key was seen before. */
	orderAnswer(order: PlacedOrder, replay: boolean): Answer;
	/** Another client buys the same plan right after each purchase (it becomes the newest order). */
	otherClientAfterEach?: boolean;
	/** The answer to POST /portal/topups. */
	topUpAnswer?(): Answer;
	/** QR URL and activation code of an order's eSIM in GET /portal/orders. */
	qrCodeUrl?(order: PlacedOrder): string;
	withActivationCode?: boolean;
	/** The catalog rows `GET /portal/plans?slug=` answers with (default: ES_3_30 at 2.50 USD). */
	plans?: Array<Record<string, unknown>>;
}

export interface TradeProvider extends HostileServer {
	baseUrl: string;
	orders: PlacedOrder[];
	/** ICCIDs of orders placed by other clients. */
	othersIccids(): Set<string>;
	ordersWithKey(key: string): PlacedOrder[];
}

function answer(res: ServerResponse, reply: Answer): void {
	const { status = 200, body, headers = {} } = reply;
	if (typeof body === 'string') {
		res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
		res.end(body);
	} else if (body === undefined) {
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end();
	} else sendJson(res, status, body, headers);
}

/** ICCIDs end in a Luhn check digit (ITU-T E.118); the nodes refuse one without it. */
const withCheckDigit = (digits: string): string => `${digits}${luhnDigit(digits)}`;

/** An eSIMTrade look-alike on 127.0.0.1 whose purchase answers are chosen by the test. */
export async function tradeProvider(behaviour: TradeBehaviour): Promise<TradeProvider> {
	const orders: PlacedOrder[] = [];
	let serial = 0;
	const place = (slug: string, key: string | null): PlacedOrder => {
		serial++;
		const order = {
			orderNo: `B2601010000${String(serial).padStart(4, '0')}`,
			slug,
			iccid: withCheckDigit(`89480100009${String(serial).padStart(7, '0')}`),
			key,
		};
		orders.push(order);
		return order;
	};
	const server = await hostileServer((req: Received, res) => {
		const path = req.path.replace(/^\/api\/v1/, '');
		if (req.method === 'POST' && path === '/portal/order') {
			const slug = String(req.json?.slug ?? '');
			const key = String(req.json?.idempotencyKey ?? '');
			const previous = orders.find((order) => order.key === key);
			const order = previous ?? place(slug, key);
			if (!previous && behaviour.otherClientAfterEach) place(slug, null);
			return answer(res, behaviour.orderAnswer(order, Boolean(previous)));
		}
		if (req.method === 'GET' && path === '/reseller/orders') {
			const q = req.query.get('q');
			const rows = orders.filter((order) => !q || order.slug === q).reverse();
			const size = Number(req.query.get('pageSize') ?? 20);
			return sendJson(res, 200, {
				page: 1,
				pageSize: size,
				total: rows.length,
				orders: rows.slice(0, size).map((order) => ({
					providerOrderNo: order.orderNo,
					slug: order.slug,
					status: 'GOT_RESOURCE',
				})),
			});
		}
		if (req.method === 'GET' && path === '/portal/orders') {
			const order = orders.find((each) => each.orderNo === req.query.get('orderno'));
			if (!order) return sendJson(res, 404, { error: 'Order not found' });
			const data: Record<string, unknown> = {
				orderNo: order.orderNo,
				status: 'GOT_RESOURCE',
				iccid: order.iccid,
			};
			if (behaviour.withActivationCode !== false)
				data.ac = `LPA:1$smdp.example.test$${order.orderNo}`;
			if (behaviour.qrCodeUrl) data.qrCodeUrl = behaviour.qrCodeUrl(order);
			return sendJson(res, 200, { data });
		}
		if (req.method === 'POST' && path === '/portal/topups') {
			return answer(
				res,
				behaviour.topUpAnswer?.() ?? { body: { data: { topupNo: 'T1', status: 'processing' } } },
			);
		}
		if (req.method === 'GET' && path === '/portal/plans') {
			const rows = behaviour.plans ?? [{ slug: 'ES_3_30', price: 2.5, currencyCode: 'USD' }];
			const slug = req.query.get('slug');
			return sendJson(res, 200, { data: rows.filter((row) => !slug || row.slug === slug) });
		}
		if (req.method === 'GET' && path === '/portal/balance')
			return sendJson(res, 200, { data: { walletBalanceUsd: '100.00' } });
		return sendJson(res, 404, { error: 'Not found' });
	});
	return {
		...server,
		baseUrl: `${server.url}/api/v1`,
		orders,
		othersIccids: () =>
			new Set(orders.filter((order) => order.key === null).map((order) => order.iccid)),
		ordersWithKey: (key) => orders.filter((order) => order.key === key),
	};
}
