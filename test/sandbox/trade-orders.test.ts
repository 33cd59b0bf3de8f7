import { startSandbox, type Sandbox } from '../../sandbox';
import { sleep, tradeClient } from './trade-client';

describe('eSIMTrade sim: auth, plans and orders', () => {
	let sb: Sandbox;
	const api = tradeClient(() => sb);
	beforeAll(async () => {
		sb = await startSandbox({ trade: { fulfilmentDelayMs: 40 } });
	});
	afterAll(() => sb.close());
	beforeEach(() => sb.reset());

	describe('auth', () => {
		it('rejects missing and wrong credentials with 401', async () => {
			expect(await api.get('/portal/balance', { anonymous: true })).toMatchObject({
				status: 401,
				body: { error: 'Unauthorized' },
			});
			const wrong = await api.get('/portal/balance', { headers: { 'x-secret-key': 'nope' } });
			expect(wrong).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
		});

		it('accepts the legacy x-api-key and Bearer secret', async () => {
			expect(
				(
					await api.get('/portal/balance', {
						anonymous: true,
						headers: { 'x-api-key': 'demo-secret' },
					})
				).status,
			).toBe(200);
			const bearer = await api.get('/portal/balance', {
				anonymous: true,
				headers: { Authorization: 'Bearer demo-secret' },
			});
			expect(bearer.status).toBe(200);
		});

		it('answers unknown routes with 404 and bad JSON with 400', async () => {
			expect(await api.get('/portal/nothing')).toMatchObject({
				status: 404,
				body: { error: 'Not found' },
			});
			expect(await api.post('/portal/order', '{not json')).toMatchObject({
				status: 400,
				body: { error: 'Invalid JSON body' },
			});
		});
	});

	it('serves the balance in the documented shape', async () => {
		expect((await api.get('/portal/balance')).body).toEqual({
			data: { balance: '$10000.00', walletBalanceUsd: '10000.00', walletBalanceCents: 1_000_000 },
		});
	});

	it('lists the catalog as an array and looks one plan up by slug', async () => {
		const all = await api.get('/portal/plans');
		expect(all.body.data.length).toBeGreaterThanOrEqual(25);
		const one = await api.get('/portal/plans?slug=ES_3_30');
		expect(one.body.data).toEqual({
			packageCode: 'CKH002',
			slug: 'ES_3_30',
			name: 'Spain 3GB 30Days',
			price: 2.5,
			currencyCode: 'USD',
			volume: 3,
			duration: 30,
			durationUnit: 'DAY',
			locationCode: 'ES',
			supplierPrice: 1.8,
			pricing: {
				costPrice: 1.8,
				sellPrice: 2.5,
				margin: 0.7,
				marginPct: 38.89,
				ruleScope: 'global',
				ruleType: 'percent',
			},
		});
		expect(all.body.data).toContainEqual(one.body.data);
		expect(await api.get('/portal/plans?slug=XX_1_1')).toMatchObject({
			status: 404,
			body: { error: 'Plan not found' },
		});
	});

	describe('create order', () => {
		it('debits the wallet, writes a ledger debit and answers with the order', async () => {
			const res = await api.order({ slug: 'JP_5_30', qty: 2 });
			expect(res.status).toBe(200);
			expect(res.body.data).toMatchObject({
				status: 'processing',
				slug: 'JP_5_30',
				quantity: 2,
				totalPrice: 12.6,
				currencyCode: 'USD',
				idempotencyKey: null,
			});
			expect(res.body.data.orderNo).toMatch(/^B\d{14}$/);
			expect(sb.trade.walletCents).toBe(1_000_000 - 1260);
			expect(sb.trade.ledger).toEqual([
				expect.objectContaining({ type: 'debit', cents: -1260, orderNo: res.body.data.orderNo }),
			]);
		});

		it('validates slug, quantity and days before touching the wallet', async () => {
			expect(await api.order({ qty: 1 })).toMatchObject({
				status: 400,
				body: { error: 'Missing slug' },
			});
			for (const qty of [0, 101, 1.5, '2']) {
				expect(await api.order({ slug: 'ES_3_30', qty })).toMatchObject({
					status: 400,
					body: { error: 'Invalid quantity' },
				});
			}
			expect(await api.order({ slug: 'ES_3_30', days: -1 })).toMatchObject({
				status: 400,
				body: { error: 'Invalid days' },
			});
			expect(await api.order({ slug: 'NOPE' })).toMatchObject({
				status: 404,
				body: { error: 'Plan not found' },
			});
			expect(sb.trade.ledger).toHaveLength(0);
			expect(sb.trade.orders).toHaveLength(0);
		});

		it('answers 402 with the balance when the wallet is short', async () => {
			sb.trade.setWallet(100);
			const res = await api.order({ slug: 'ES_3_30', qty: 1 });
			expect(res).toMatchObject({
				status: 402,
				body: { error: 'Insufficient wallet balance', walletBalanceUsd: '1.00' },
			});
			expect(sb.trade.orders).toHaveLength(0);
		});

		it('replays the same key and body without a second debit, and 409s a different body', async () => {
			const first = await api.order({ slug: 'ES_3_30', qty: 1, idempotencyKey: 'line-1' });
			const again = await api.order({ slug: 'ES_3_30', qty: 1, idempotencyKey: 'line-1' });
			expect(again.status).toBe(200);
			expect(again.headers.get('idempotent-replayed')).toBe('true');
			expect(again.body.data.orderNo).toBe(first.body.data.orderNo);
			expect(first.headers.get('idempotent-replayed')).toBeNull();
			const conflict = await api.order({ slug: 'ES_3_30', qty: 2, idempotencyKey: 'line-1' });
			expect(conflict).toMatchObject({
				status: 409,
				body: { error: 'Idempotency key already used with a different request' },
			});
			expect(sb.trade.orders).toHaveLength(1);
			expect(sb.trade.ledger.filter((entry) => entry.type === 'debit')).toHaveLength(1);
		});

		it('creates a new order for every unkeyed request', async () => {
			await api.order({ slug: 'ES_3_30' });
			await api.order({ slug: 'ES_3_30' });
			expect(sb.trade.orders).toHaveLength(2);
			expect(new Set(sb.trade.orders.map((order) => order.orderNo)).size).toBe(2);
		});
	});

	describe('fulfilment and the sync route', () => {
		it('moves processing → got_resource after the delay and shows the eSIM', async () => {
			// A delay no busy machine can outrun; the simulator's clock is then moved past it.
			sb.trade.configure({ fulfilmentDelayMs: 60_000 });
			const { orderNo } = (await api.order({ slug: 'PK_0.5_Daily', days: 3 })).body.data;
			const early = (await api.get(`/portal/orders?orderno=${orderNo}`)).body.data;
			expect(early).toMatchObject({
				orderNo,
				status: 'processing',
				esimStatus: 'GETTING_RESOURCE',
				iccid: '',
				qrCodeUrl: '',
				ac: '',
			});
			sb.trade.tick(Date.now() + 61_000);
			const done = (await api.get(`/portal/orders?orderno=${orderNo}`)).body.data;
			expect(done).toMatchObject({
				orderNo,
				status: 'got_resource',
				esimStatus: 'GOT_RESOURCE',
				smdpStatus: 'RELEASED',
				totalVolume: 524_288_000,
				totalDuration: 3,
				durationUnit: 'DAY',
				orderUsage: 0,
				esimTranNo: orderNo.slice(1),
				packageList: [
					{ packageName: 'Pakistan 500MB/Day', packageCode: 'PUX79Y0PK', slug: 'PK_0.5_Daily' },
				],
			});
			expect(done.iccid).toMatch(/^8948010000\d{9}$/);
			expect(done.ac).toMatch(/^LPA:1\$smdp\.sandbox\.esimtrade\.test\$[0-9A-F]{32}$/);
			expect(done.qrCodeUrl).toBe(`${sb.url}/qr/${done.iccid}.png`);
			const byIccid = (await api.get(`/portal/orders?iccid=${done.iccid}`)).body.data;
			expect(byIccid).toEqual(done);
		});

		it('lists one eSIM per unit and validates its parameters', async () => {
			const { orderNo } = (await api.order({ slug: 'JP_5_30', qty: 3 })).body.data;
			sb.trade.tick(Date.now() + 1000);
			const data = (await api.get(`/portal/orders?orderno=${orderNo}`)).body.data;
			expect(data.esimList).toHaveLength(3);
			expect(await api.get('/portal/orders')).toMatchObject({
				status: 400,
				body: { error: 'Missing orderno or iccid' },
			});
			expect(await api.get('/portal/orders?orderno=B0')).toMatchObject({
				status: 404,
				body: { error: 'Order not found' },
			});
			const both = await api.get(`/portal/orders?orderno=${orderNo}&iccid=nope`);
			expect(both.body.data.orderNo).toBe(orderNo);
		});

		it('cancels and refunds a failed fulfilment', async () => {
			sb.trade.configure({ failureRate: 1 });
			const { orderNo } = (await api.order({ slug: 'ES_3_30', qty: 2 })).body.data;
			await sleep(60);
			const data = (await api.get(`/portal/orders?orderno=${orderNo}`)).body.data;
			expect(data).toMatchObject({ status: 'cancel', esimStatus: 'CANCEL', iccid: '' });
			expect(sb.trade.ledger.map((entry) => [entry.type, entry.cents])).toEqual([
				['debit', -500],
				['refund', 500],
			]);
			expect(sb.trade.walletCents).toBe(1_000_000);
		});

		it('takes later statuses and usage from the admin side', async () => {
			const { orderNo } = (await api.order({ slug: 'ES_3_30' })).body.data;
			sb.trade.setOrderStatus(orderNo, 'in_use', { orderUsage: 1024 });
			const data = (await api.get(`/portal/orders?orderno=${orderNo}`)).body.data;
			expect(data).toMatchObject({ status: 'in_use', esimStatus: 'IN_USE', orderUsage: 1024 });
			expect(data.iccid).not.toBe('');
		});
	});
});
