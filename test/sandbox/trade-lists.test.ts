import { startSandbox, type Sandbox } from '../../sandbox';
import { admin, tradeClient } from './trade-client';

describe('eSIMTrade sim: lists, top-ups, metrics, profile, webhook', () => {
	let sb: Sandbox;
	const api = tradeClient(() => sb);
	beforeAll(async () => {
		sb = await startSandbox({ trade: { fulfilmentDelayMs: 0 } });
	});
	afterAll(() => sb.close());
	beforeEach(() => sb.reset());

	describe('GET /reseller/orders', () => {
		it('pages newest first with the documented defaults, cap and past-the-end page', async () => {
			sb.trade.seedOrders(250);
			const newest = sb.trade.orders.map((order) => order.orderNo);
			const first = await api.get('/reseller/orders');
			expect(first.body).toMatchObject({ page: 1, pageSize: 20, total: 250 });
			expect(
				first.body.orders.map((row: { providerOrderNo: string }) => row.providerOrderNo),
			).toEqual(newest.slice(0, 20));
			expect(Object.keys(first.body.orders[0]).sort()).toEqual(
				[
					'costPrice',
					'createdAt',
					'locationCode',
					'packageCode',
					'packageName',
					'providerOrderNo',
					'quantity',
					'sellPrice',
					'slug',
					'status',
					'totalSellPrice',
					'updatedAt',
				].sort(),
			);
			const capped = await api.get('/reseller/orders?page=2&pageSize=500');
			expect(capped.body).toMatchObject({ page: 2, pageSize: 100, total: 250 });
			expect(capped.body.orders[0].providerOrderNo).toBe(newest[100]);
			const last = await api.get('/reseller/orders?page=3&pageSize=100');
			expect(last.body.orders).toHaveLength(50);
			expect(await api.get('/reseller/orders?page=9&pageSize=100')).toMatchObject({
				body: { page: 9, total: 250, orders: [] },
			});
			for (const bad of ['0', '-3', 'abc']) {
				expect((await api.get(`/reseller/orders?pageSize=${bad}&page=${bad}`)).body).toMatchObject({
					page: 1,
					pageSize: 20,
				});
			}
		});

		it('filters by status (active = got_resource + in_use) and searches order number, name and slug', async () => {
			const [a, b] = sb.trade.seedOrders(2, { slug: 'JP_5_30' });
			sb.trade.seedOrders(1, { slug: 'ES_3_30', status: 'cancel' });
			sb.trade.setOrderStatus(b!.orderNo, 'in_use');
			expect((await api.get('/reseller/orders?status=active')).body.total).toBe(2);
			expect((await api.get('/reseller/orders?status=in_use')).body.total).toBe(1);
			expect((await api.get('/reseller/orders?q=JAPAN')).body.total).toBe(2);
			expect((await api.get('/reseller/orders?q=es_3')).body.total).toBe(1);
			expect(
				(await api.get(`/reseller/orders?q=${a!.orderNo}`)).body.orders[0].providerOrderNo,
			).toBe(a!.orderNo);
			expect((await api.get('/reseller/orders?status=active&q=spain')).body.total).toBe(0);
		});
	});

	it('lists one eSIM row per unit, newest first, skipping processing orders', async () => {
		sb.trade.configure({ fulfilmentDelayMs: 60_000 });
		sb.trade.seedOrders(2);
		await api.order({ slug: 'ES_3_30', qty: 2 });
		sb.trade.setOrderStatus(sb.trade.orders[0]!.orderNo, 'got_resource');
		sb.trade.seedOrders(1, { status: 'processing' });
		const res = await api.get('/reseller/esims?pageSize=3');
		expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
		const [row] = res.body.esims;
		expect(row.providerOrderNo).toBe(sb.trade.orders[1]!.orderNo);
		expect(Object.keys(row.rawOrderJson).sort()).toEqual([
			'ac',
			'esimTranNo',
			'iccid',
			'qrCodeUrl',
			'smdpStatus',
		]);
	});

	describe('top-ups', () => {
		it('offers packages for an active eSIM and charges the wallet for one', async () => {
			const [order] = sb.trade.seedOrders(1, { slug: 'JP_5_30' });
			const iccid = order!.esims[0]!.iccid;
			const options = (await api.get(`/portal/topups?iccid=${iccid}`)).body.data.packageList;
			expect(options[0]).toEqual({
				slug: 'JP_TOPUP_1GB',
				packageCode: 'TUJP01',
				name: 'Japan Top-up 1GB 7Days',
				price: 1.5,
				volume: 1,
				duration: 7,
				durationUnit: 'DAY',
				currencyCode: 'USD',
			});
			const res = await api.post('/portal/topups', { iccid, slug: 'JP_TOPUP_3GB', qty: 2 });
			expect(res.body.data).toMatchObject({
				iccid,
				slug: 'JP_TOPUP_3GB',
				quantity: 2,
				totalPrice: 7,
				status: 'processing',
			});
			expect(res.body.data.topupNo).toMatch(/^T\d{14}$/);
			expect(sb.trade.ledger).toEqual([
				expect.objectContaining({ type: 'topup', cents: -700, topupNo: res.body.data.topupNo }),
			]);
		});

		it('answers the documented errors', async () => {
			const [order] = sb.trade.seedOrders(1, { status: 'used_expired' });
			const iccid = order!.esims[0]!.iccid;
			expect((await api.get(`/portal/topups?iccid=${iccid}`)).body).toEqual({
				data: { error: 'No packageList returned' },
			});
			expect(await api.get('/portal/topups')).toMatchObject({
				status: 400,
				body: { error: 'Missing iccid' },
			});
			expect(await api.get('/portal/topups?iccid=1')).toMatchObject({
				status: 404,
				body: { error: 'Owned ICCID not found' },
			});
			expect(await api.post('/portal/topups', { iccid })).toMatchObject({
				status: 400,
				body: { error: 'Missing iccid or slug' },
			});
		});
	});

	it('computes metrics from the state and rejects unknown ranges', async () => {
		await api.order({ slug: 'ES_3_30', qty: 2 });
		await api.get(`/portal/orders?orderno=${sb.trade.orders[0]!.orderNo}`);
		const { range, metrics } = (await api.get('/reseller/metrics?range=7d')).body;
		expect(range).toBe('7d');
		expect(metrics).toMatchObject({
			walletBalanceCents: 999_500,
			walletBalanceUsd: '9995.00',
			totalSales: 5,
			totalProfit: 1.4,
			activeEsims: 2,
			totalOrders: 1,
			topCountries: [{ locationCode: 'ES', orders: 1, revenue: 5 }],
			apiUsage: {
				purchaseCalls: 1,
				syncCalls: 1,
				walletActions: 1,
				refundEvents: 0,
				successRate: 100,
			},
		});
		expect(metrics.revenueSeries).toHaveLength(7);
		expect((await api.get('/reseller/metrics')).body.range).toBe('30d');
		expect((await api.get('/reseller/metrics?range=12m')).body.metrics.revenueSeries).toHaveLength(
			12,
		);
		expect(await api.get('/reseller/metrics?range=1y')).toMatchObject({
			status: 400,
			body: { error: 'Invalid range' },
		});
	});

	it('reads and updates the profile', async () => {
		expect((await api.get('/reseller/profile')).body.profile).toMatchObject({
			role: 'reseller',
			status: 'approved',
			balanceUsd: '10000.00',
		});
		const res = await api.patch('/reseller/profile', {
			companyName: 'Example Telecom',
			country: 'JP',
			website: 'https://example.com',
		});
		expect(res.body).toMatchObject({
			ok: true,
			profile: { companyName: 'Example Telecom', country: 'JP', website: 'https://example.com' },
		});
		expect(await api.patch('/reseller/profile', { website: 5 })).toMatchObject({
			status: 400,
			body: { error: 'Invalid website' },
		});
	});

	it('refuses webhook settings with an API key and accepts a portal session', async () => {
		const body = { webhookUrl: 'https://example.com/webhooks/esimtrade' };
		const withKey = await api.patch('/reseller/webhook', body);
		expect(withKey).toMatchObject({
			status: 403,
			body: { error: 'Webhook settings require a reseller portal session' },
		});
		const { cookie } = (await admin(sb, 'POST', 'trade/session')).body;
		const withSession = await api.patch('/reseller/webhook', body, {
			anonymous: true,
			headers: { Cookie: cookie },
		});
		expect(withSession).toMatchObject({
			status: 200,
			body: { ok: true, webhookUrl: body.webhookUrl },
		});
		expect(sb.trade.webhookUrl).toBe(body.webhookUrl);
	});
});
