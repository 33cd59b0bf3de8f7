import type { ServerResponse } from 'node:http';

import { checkoutOf, distributeAt, tradeAt, TOKEN } from './nodes';
import { figure, json, raw, startHostile, type Hostile, type Received } from './recordingServer';

/**
 * A provider, proxy or half-migrated API that answers 200 with something that
 * is not its answer. On a read that is an error naming the endpoint and what
 * came back; after a purchase the outcome is unknown, never a success.
 */

type Body = { name: string; send(res: ServerResponse): void; what: RegExp };

const BODIES: Body[] = [
	{
		name: 'an HTML page',
		send: (res) =>
			raw(
				res,
				200,
				'<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
				'text/html',
			),
		what: /HTML page/,
	},
	{
		name: 'malformed JSON',
		send: (res) => raw(res, 200, '{"data": {"orderNo": "B26', 'application/json'),
		what: /malformed or cut-off JSON/,
	},
	{
		name: 'an empty body',
		send: (res) => raw(res, 200, '', 'application/json'),
		what: /an empty body/,
	},
];

describe('hostile provider: a success status with an unreadable body', () => {
	let server: Hostile;
	let answer: (req: Received, res: ServerResponse) => void;
	beforeAll(async () => {
		server = await startHostile((req, res) => answer(req, res));
	});
	afterAll(async () => await server.close());
	beforeEach(() => {
		server.received.length = 0;
	});

	for (const body of BODIES) {
		it(`eSIMTrade Get Balance: ${body.name} is an error naming the endpoint`, async () => {
			answer = (_req, res) => body.send(res);
			const { error, items } = await tradeAt(`${server.origin}/api/v1`).run({
				resource: 'wallet',
				operation: 'getBalance',
			});
			figure(`unreadable ${body.name} eSIMTrade balance`, {
				items: items.length,
				error: error?.message ?? null,
			});
			expect(items).toEqual([]);
			expect(error?.message).toMatch(
				/^eSIMTrade answered GET \/portal\/balance with HTTP 200 but /,
			);
			expect(error?.message).toMatch(body.what);
		});

		it(`eSIMTrade Create Order: ${body.name} is never reported as a placed order`, async () => {
			answer = (_req, res) => body.send(res);
			const { items } = await tradeAt(`${server.origin}/api/v1`).run(
				{
					resource: 'order',
					operation: 'create',
					plan: { __rl: true, mode: 'list', value: 'ES_3_30' },
					quantity: 1,
					waitForFulfilment: false,
				},
				[{}],
				{ onError: 'continueRegularOutput' },
			);
			const json = items[0]?.json ?? {};
			figure(`unreadable ${body.name} eSIMTrade create order`, {
				reportedAsOrder: json.error === undefined,
				numericKeys: Object.keys(json).filter((k) => /^\d+$/.test(k)).length,
			});
			expect(json.error).toBeDefined();
			expect(Object.keys(json).filter((k) => /^\d+$/.test(k))).toEqual([]);
			expect(String(json.error)).toMatch(body.what);
		});

		it(`eSIM Distribute Checkout: ${body.name} goes to reconciliation, then "Outcome unknown"`, async () => {
			answer = (req, res) => {
				if (req.path === '/api/tenant/login')
					return json(res, 200, { success: true, data: { token: TOKEN } });
				if (req.method === 'GET') return json(res, 200, { success: true, data: { orders: [] } });
				body.send(res);
			};
			const { items } = await distributeAt(server.origin).run(checkoutOf(), [{}], {
				onError: 'continueRegularOutput',
			});
			const out = items[0]?.json ?? {};
			figure(`unreadable ${body.name} eSIM Distribute checkout`, {
				reportedAsSuccess: out.error === undefined,
				checkouts: server.received.filter((r) => r.path.endsWith('/checkout')).length,
			});
			expect(String(out.error)).toMatch(/^Outcome unknown/);
			expect(String(out.description)).toMatch(body.what);
			// Checkout has no key: it is never sent twice.
			expect(server.received.filter((r) => r.path.endsWith('/checkout'))).toHaveLength(1);
		});
	}

	it('eSIM Distribute Checkout: another envelope is reconciled with the order list (the order is found)', async () => {
		answer = (req, res) => {
			if (req.path === '/api/tenant/login')
				return json(res, 200, { success: true, data: { token: TOKEN } });
			const placed = server.received.some((r) => r.path.endsWith('/checkout'));
			if (req.method === 'GET') {
				const orders = placed
					? [
							{
								id: 'ord-9',
								planId: 'plan-1',
								quantity: 1,
								customerEmail: 'buyer@example.com',
								createdAt: new Date().toISOString(),
							},
						]
					: [];
				return json(res, 200, { success: true, data: { orders } });
			}
			json(res, 200, { status: 'queued', result: { ref: 'x' } });
		};
		const { items } = await distributeAt(server.origin).run(checkoutOf(), [{}], {
			onError: 'continueRegularOutput',
		});
		expect(items.map((item) => item.json.id)).toEqual(['ord-9']);
		expect(items[0]?.json.reconciled).toBe(true);
	});

	it('eSIM Distribute Get Balance: another envelope is an error naming the endpoint', async () => {
		answer = (req, res) => {
			if (req.path === '/api/tenant/login')
				return json(res, 200, { success: true, data: { token: TOKEN } });
			json(res, 200, { status: 'ok', result: { creditBalance: 5 } });
		};
		const { error } = await distributeAt(server.origin).run({
			resource: 'balance',
			operation: 'get',
		});
		expect(error?.message).toBe(
			'eSIM Distribute answered GET /api/tenant/balance with HTTP 200 but JSON without the { success, data } envelope, so it could not be read',
		);
	});

	it('eSIMTrade: an error message on a success status is not a success', async () => {
		answer = (_req, res) => json(res, 200, { error: 'upstream unavailable' });
		const { error } = await tradeAt(`${server.origin}/api/v1`).run({
			resource: 'wallet',
			operation: 'getBalance',
		});
		expect(error?.message).toMatch(
			/^eSIMTrade answered GET \/portal\/balance with HTTP 200 but an error message/,
		);
	});
});
