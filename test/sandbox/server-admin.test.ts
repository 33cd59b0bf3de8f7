import { startSandbox, type Sandbox } from '../../sandbox';
import { admin, KEY_HEADERS, sleep, tradeClient } from './trade-client';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('sandbox server: admin API, request log, QR images', () => {
	let sb: Sandbox;
	const api = tradeClient(() => sb);
	beforeAll(async () => {
		sb = await startSandbox({ trade: { fulfilmentDelayMs: 0 } });
	});
	afterAll(() => sb.close());
	beforeEach(() => sb.reset());

	it('exposes the documented URLs', () => {
		expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.tradeBaseUrl).toBe(`${sb.url}/api/v1`);
		expect(sb.distributeBaseUrl).toBe(sb.url);
	});

	it('answers health, reset and unknown routes', async () => {
		expect((await admin(sb, 'GET', 'health')).body).toMatchObject({
			ok: true,
			providers: ['trade', 'distribute'],
		});
		await api.order({ slug: 'ES_3_30' });
		expect((await admin(sb, 'POST', 'reset')).body).toEqual({ ok: true });
		expect(sb.trade.orders).toHaveLength(0);
		expect(sb.trade.walletCents).toBe(1_000_000);
		expect((await fetch(`${sb.url}/elsewhere`)).status).toBe(404);
	});

	it('drives the eSIMTrade simulator through /__admin/trade', async () => {
		expect((await admin(sb, 'POST', 'trade/wallet', { cents: 4200 })).body).toEqual({
			walletCents: 4200,
			walletBalanceUsd: '42.00',
		});
		expect((await admin(sb, 'GET', 'trade/wallet')).body.walletCents).toBe(4200);
		expect((await admin(sb, 'POST', 'trade/orders/seed', { n: 5, status: 'in_use' })).body).toEqual(
			{ created: 5, total: 5 },
		);
		await api.order({ slug: 'ES_3_30' });
		const orders = (await admin(sb, 'GET', 'trade/orders')).body;
		expect(orders.total).toBe(6);
		expect(orders.orders[0].source).toBe('api');
		const orderNo = orders.orders[1].orderNo;
		const moved = await admin(sb, 'POST', `trade/orders/${orderNo}/status`, {
			status: 'used_up',
			orderUsage: 99,
		});
		expect(moved.body.order).toMatchObject({ orderNo, status: 'used_up', orderUsage: 99 });
		expect(
			(await admin(sb, 'POST', `trade/orders/${orderNo}/status`, { status: 'bogus' })).status,
		).toBe(400);
		expect((await admin(sb, 'POST', 'trade/orders/B0/status', { status: 'cancel' })).status).toBe(
			404,
		);
		expect((await admin(sb, 'GET', 'trade/ledger')).body.entries).toEqual([
			expect.objectContaining({ type: 'debit', cents: -250 }),
		]);
		expect((await admin(sb, 'POST', 'trade/config', { failureRate: 2 })).status).toBe(400);
	});

	it('logs requests without credentials or secret body fields, and filters the log', async () => {
		await api.get('/portal/balance');
		await api.get('/portal/balance', {
			anonymous: true,
			headers: { Authorization: 'Bearer demo-secret' },
		});
		await api.post('/portal/order', {
			slug: 'ES_3_30',
			password: 'hunter2',
			secretKey: 'demo-secret',
			nested: { token: 'tok-123' },
		});
		await fetch(`${sb.url}/api/tenant/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ email: 'someone@example.com', password: 'hunter2' }),
		});
		const dump = JSON.stringify(sb.log.entries());
		for (const secret of [
			KEY_HEADERS['x-secret-key'],
			KEY_HEADERS['x-access-code'],
			'hunter2',
			'tok-123',
		]) {
			expect(dump).not.toContain(secret);
		}
		const order = sb.log.entries({ path: '/api/v1/portal/order' })[0]!;
		expect(order).toMatchObject({
			method: 'POST',
			provider: 'trade',
			status: 200,
			principal: 'trade:key-1',
			body: { slug: 'ES_3_30', nested: {} },
		});
		expect(sb.log.count({ provider: 'trade' })).toBe(3);
		expect(sb.log.count({ provider: 'distribute' })).toBe(1);
		expect(sb.log.count({ method: 'GET', path: '/api/v1/portal/*' })).toBe(2);
		const viaHttp = (await admin(sb, 'GET', 'requests?provider=trade&path=/api/v1/portal/balance'))
			.body;
		expect(viaHttp.count).toBe(2);
		await admin(sb, 'POST', 'requests/clear');
		expect(sb.log.count()).toBe(1); // the clear call itself
	});

	it('serves the QR image of an eSIM and redirects its short URL', async () => {
		const { orderNo } = (await api.order({ slug: 'ES_3_30' })).body.data;
		const { iccid, qrCodeUrl, shortUrl } = (await api.get(`/portal/orders?orderno=${orderNo}`)).body
			.data;
		const png = await fetch(qrCodeUrl);
		expect(png.status).toBe(200);
		expect(png.headers.get('content-type')).toBe('image/png');
		const bytes = Buffer.from(await png.arrayBuffer());
		expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
		expect(bytes.length).toBeGreaterThan(200);
		const short = await fetch(shortUrl, { redirect: 'manual' });
		expect(short.status).toBe(302);
		expect(short.headers.get('location')).toBe(`/qr/${iccid}.png`);
		expect((await fetch(`${sb.url}/qr/8948010000000000000.png`)).status).toBe(404);
	});
});

describe('sandbox server: lifecycle', () => {
	const openResources = (): string[] =>
		process
			.getActiveResourcesInfo()
			.filter((name) => name === 'TCPServerWrap' || name === 'TCPSocketWrap' || name === 'Timeout');
	const count = (list: string[], name: string): number =>
		list.filter((each) => each === name).length;

	it('close() leaves no server, socket or timer behind, even with a hung and a delayed request', async () => {
		const before = openResources();
		const sb = await startSandbox();
		expect(count(openResources(), 'TCPServerWrap')).toBe(count(before, 'TCPServerWrap') + 1);
		sb.faults.set({
			hangMs: 60_000,
			rules: [{ route: 'POST /api/v1/portal/order', kind: 'hang-after-commit', count: 1 }],
		});
		const client = tradeClient(() => sb);
		const hung = client.order({ slug: 'ES_3_30' }).catch((error: unknown) => error);
		while (sb.trade.orders.length === 0) await sleep(5);
		sb.faults.set({ latencyMs: 60_000 });
		const delayed = client.get('/portal/balance').catch((error: unknown) => error);
		await sleep(20);
		await sb.close();
		// fetch rejects (its TypeError comes from another realm than jest's, hence the message check).
		expect(((await hung) as Error).message).toBe('fetch failed');
		expect(((await delayed) as Error).message).toBe('fetch failed');
		// Client-side sockets notice the destroyed connections within a few event-loop turns.
		const settled = (): boolean => {
			const now = openResources();
			return ['TCPServerWrap', 'TCPSocketWrap', 'Timeout'].every(
				(name) => count(now, name) <= count(before, name),
			);
		};
		for (let waited = 0; !settled() && waited < 2000; waited += 20) await sleep(20);
		const after = openResources();
		expect(count(after, 'TCPServerWrap')).toBeLessThanOrEqual(count(before, 'TCPServerWrap'));
		expect(count(after, 'TCPSocketWrap')).toBeLessThanOrEqual(count(before, 'TCPSocketWrap'));
		expect(count(after, 'Timeout')).toBeLessThanOrEqual(count(before, 'Timeout'));
	});

	it('is deterministic for a seed and seeds 50,000 orders without touching the wallet', async () => {
		const a = await startSandbox({ seed: 42 });
		const b = await startSandbox({ seed: 42 });
		try {
			const seeded = a.trade.seedOrders(50_000);
			expect(seeded).toHaveLength(50_000);
			expect(new Set(seeded.map((order) => order.orderNo)).size).toBe(50_000);
			expect(a.trade.ledger).toHaveLength(0);
			expect(a.trade.walletCents).toBe(1_000_000);
			const [x] = b.trade.seedOrders(1);
			expect(x!.esims[0]!.iccid).toBe(seeded[0]!.esims[0]!.iccid);
			expect(x!.esims[0]!.ac).toBe(seeded[0]!.esims[0]!.ac);
		} finally {
			await a.close();
			await b.close();
		}
	});
});
