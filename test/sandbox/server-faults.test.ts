import { startSandbox, type Sandbox } from '../../sandbox';
import { admin, tradeClient } from './trade-client';

const ORDER_ROUTE = 'POST /api/v1/portal/order';

describe('sandbox server: rate limit and faults', () => {
	let sb: Sandbox;
	const api = tradeClient(() => sb);
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.close());
	beforeEach(() => sb.reset());

	it('rate-limits per principal with a fixed window and Retry-After', async () => {
		sb.faults.set({ rateLimit: { limit: 3, windowMs: 30_000 } });
		for (let i = 0; i < 3; i++) expect((await api.get('/portal/balance')).status).toBe(200);
		const limited = await api.get('/portal/balance');
		expect(limited).toMatchObject({ status: 429, body: { error: 'API rate limit exceeded' } });
		const retryAfter = Number(limited.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(30);
		// Unauthenticated requests have no principal and get their 401.
		expect((await api.get('/portal/balance', { anonymous: true })).status).toBe(401);
		sb.faults.set({ rateLimit: { limit: 3, windowMs: 1 } });
		expect((await api.get('/portal/balance')).status).toBe(200);
	});

	it('adds latency', async () => {
		sb.faults.set({ latencyMs: 80 });
		const started = Date.now();
		await api.get('/portal/balance');
		expect(Date.now() - started).toBeGreaterThanOrEqual(75);
	});

	it('5xx answers 503 without side effects, then the rule is used up', async () => {
		sb.faults.addRule({ route: ORDER_ROUTE, kind: '5xx', count: 1 });
		const failed = await api.order({ slug: 'ES_3_30' });
		expect(failed).toMatchObject({
			status: 503,
			body: { error: 'Service temporarily unavailable' },
		});
		expect(sb.trade.orders).toHaveLength(0);
		expect((await api.order({ slug: 'ES_3_30' })).status).toBe(200);
		expect(sb.faults.settings.rules).toEqual([]);
		expect(sb.log.entries({ path: '/api/v1/portal/order' }).map((entry) => entry.fault)).toEqual([
			'5xx',
			undefined,
		]);
	});

	it('429 fault answers like the rate limit', async () => {
		sb.faults.addRule({ route: '*', kind: '429', count: 1 });
		const res = await api.get('/portal/balance');
		expect(res).toMatchObject({ status: 429, body: { error: 'API rate limit exceeded' } });
		expect(res.headers.get('retry-after')).toBe('1');
	});

	it('reset-before drops the connection without handling the request', async () => {
		sb.faults.addRule({ route: ORDER_ROUTE, kind: 'reset-before', count: 1 });
		await expect(api.order({ slug: 'ES_3_30' })).rejects.toThrow();
		expect(sb.trade.orders).toHaveLength(0);
		expect(sb.trade.ledger).toHaveLength(0);
		expect(sb.log.entries({ path: '/api/v1/portal/order' })).toEqual([
			expect.objectContaining({ status: 0, fault: 'reset-before' }),
		]);
	});

	it('reset-after-commit commits the order, then drops the connection; a keyed retry replays it', async () => {
		sb.faults.addRule({ route: ORDER_ROUTE, kind: 'reset-after-commit', count: 1 });
		const body = { slug: 'ES_3_30', qty: 1, idempotencyKey: 'shop-1001-1' };
		await expect(api.order(body)).rejects.toThrow();
		expect(sb.trade.orders).toHaveLength(1);
		expect(sb.trade.ledger).toEqual([
			expect.objectContaining({ type: 'debit', orderNo: sb.trade.orders[0]!.orderNo }),
		]);
		const retry = await api.order(body);
		expect(retry.status).toBe(200);
		expect(retry.body.data.orderNo).toBe(sb.trade.orders[0]!.orderNo);
		expect(sb.trade.ledger).toHaveLength(1);
	});

	it('after-commit faults leave reads alone: they fire only on committed responses', async () => {
		sb.faults.addRule({ route: '*', kind: 'reset-after-commit', count: 1 });
		expect((await api.get('/portal/balance')).status).toBe(200);
		expect((await api.order({ slug: 'NOPE' })).status).toBe(404);
		await expect(api.order({ slug: 'ES_3_30' })).rejects.toThrow();
		expect(sb.faults.settings.rules).toEqual([]);
	});

	it('hang-after-commit holds the socket for hangMs, then drops it', async () => {
		sb.faults.set({
			hangMs: 150,
			rules: [{ route: ORDER_ROUTE, kind: 'hang-after-commit', count: 1 }],
		});
		const started = Date.now();
		await expect(api.order({ slug: 'ES_3_30' })).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(sb.trade.orders).toHaveLength(1);
	});

	it('rate rules fire from the seeded RNG: rate 1 always, rate 0 never', async () => {
		sb.faults.set({ rules: [{ route: 'GET /api/v1/portal/*', kind: '5xx', rate: 1 }] });
		expect((await api.get('/portal/balance')).status).toBe(503);
		expect((await api.get('/portal/plans')).status).toBe(503);
		expect((await api.get('/reseller/profile')).status).toBe(200);
		sb.faults.set({ rules: [{ route: '*', kind: '5xx', rate: 0 }] });
		expect((await api.get('/portal/balance')).status).toBe(200);
	});

	it('is controlled over the admin API as well', async () => {
		const set = await admin(sb, 'POST', 'faults', {
			latencyMs: 1,
			rules: [{ route: ORDER_ROUTE, kind: '5xx', count: 2 }],
		});
		expect(set.body).toMatchObject({
			latencyMs: 1,
			rules: [{ route: ORDER_ROUTE, kind: '5xx', count: 2 }],
		});
		expect(
			(await admin(sb, 'POST', 'faults/rules', { route: '*', kind: '429', rate: 0.5 })).body.rules,
		).toHaveLength(2);
		expect(
			(await admin(sb, 'POST', 'faults', { rules: [{ route: '*', kind: 'boom', count: 1 }] }))
				.status,
		).toBe(400);
		expect((await admin(sb, 'POST', 'faults', { clear: true })).body).toMatchObject({
			latencyMs: 0,
			rules: [],
		});
		expect((await admin(sb, 'GET', 'faults')).body.rateLimit).toEqual({
			limit: 0,
			windowMs: 60_000,
		});
	});
});

describe('sandbox server: latency mode', () => {
	it('is switched on and off over the admin API, 80 ms by default', async () => {
		const sb = await startSandbox();
		try {
			expect((await admin(sb, 'GET', 'latency')).body).toEqual({ latencyMs: 0 });
			expect((await admin(sb, 'POST', 'latency', {})).body).toEqual({ latencyMs: 80 });
			expect(sb.faults.settings.latencyMs).toBe(80);
			expect((await admin(sb, 'POST', 'latency', { ms: 25 })).body).toEqual({ latencyMs: 25 });
			expect((await admin(sb, 'POST', 'latency', { on: false })).body).toEqual({ latencyMs: 0 });
			expect((await admin(sb, 'POST', 'latency', { on: true })).body).toEqual({ latencyMs: 80 });
			for (const bad of [{ ms: -1 }, { ms: 'slow' }, { on: 'yes' }, { on: false, ms: 5 }]) {
				expect((await admin(sb, 'POST', 'latency', bad)).status).toBe(400);
			}
			expect(sb.faults.settings.latencyMs).toBe(80);
			// Set at run time, it is a fault setting like any other: reset clears it.
			sb.reset();
			expect((await admin(sb, 'GET', 'latency')).body).toEqual({ latencyMs: 0 });
		} finally {
			await sb.close();
		}
	});

	it('is kept across resets when set as a start option', async () => {
		const sb = await startSandbox({ latencyMs: true });
		try {
			expect(sb.faults.settings.latencyMs).toBe(80);
			sb.faults.set({ latencyMs: 5 });
			sb.reset();
			expect(sb.faults.settings.latencyMs).toBe(80);
			expect((await admin(sb, 'POST', 'faults', { clear: true })).body.latencyMs).toBe(80);
		} finally {
			await sb.close();
		}
		const slow = await startSandbox({ latencyMs: 120 });
		try {
			expect(slow.faults.settings.latencyMs).toBe(120);
		} finally {
			await slow.close();
		}
		await expect(startSandbox({ latencyMs: -5 })).rejects.toThrow('latencyMs');
	});
});
