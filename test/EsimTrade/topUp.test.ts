import { requestsTo, tradeFixture, type TradeFixture } from '../helpers/trade';

describe('eSIMTrade top-ups and order status', () => {
	let f: TradeFixture;
	let iccid: string;
	let orderNo: string;
	beforeAll(async () => {
		f = await tradeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => {
		f.sandbox.reset();
		const [order] = f.sandbox.trade.seedOrders(1, { status: 'got_resource', slug: 'ES_3_30' });
		orderNo = order.orderNo;
		iccid = order.esims[0].iccid;
	});

	it('gets the live status by order number and by ICCID, with activation details', async () => {
		const byNo = await f.run({
			resource: 'order',
			operation: 'getStatus',
			lookupBy: 'orderNo',
			orderNo,
			qrImage: 'render',
		});
		expect(byNo.items[0].json).toMatchObject({ orderNo, iccid, fulfilment: 'fulfilled' });
		expect(byNo.items[0].binary!.qrCode.mimeType).toBe('image/png');
		const byIccid = await f.run({
			resource: 'order',
			operation: 'getStatus',
			lookupBy: 'iccid',
			iccid,
		});
		expect(byIccid.items[0].json).toMatchObject({ iccid, orderNo });
		expect(byIccid.items[0].binary).toBeUndefined();
		const missing = await f.run({
			resource: 'order',
			operation: 'getStatus',
			lookupBy: 'orderNo',
			orderNo: 'B000',
		});
		expect(missing.error!.message).toBe('Order B000 was not found at eSIMTrade');
	});

	it('lists top-up options for an eSIM, none for a cancelled one, and explains an unknown ICCID', async () => {
		const options = await f.run({ resource: 'topUp', operation: 'getOptions', iccid });
		expect(options.items.length).toBeGreaterThan(0);
		expect(options.items[0].json).toMatchObject({ iccid, available: true });
		expect(options.items[0].json.slug).toBeTruthy();
		f.sandbox.trade.setOrderStatus(orderNo, 'cancel');
		const none = await f.run({ resource: 'topUp', operation: 'getOptions', iccid });
		expect(none.status).toBe('success');
		expect(none.items).toHaveLength(1);
		expect(none.items[0].json).toEqual({
			iccid,
			available: false,
			message: `No top-up is available for the eSIM ${iccid} now`,
			providerMessage: 'No packageList returned',
		});
		const unknown = await f.run({
			resource: 'topUp',
			operation: 'getOptions',
			iccid: '8900000000000000003',
		});
		expect(unknown.error!.message).toBe(
			'ESIM with ICCID 8900000000000000003 was not found at eSIMTrade',
		);
	});

	it('creates a top-up charged to the wallet', async () => {
		const options = await f.run({ resource: 'topUp', operation: 'getOptions', iccid });
		const slug = String(options.items[0].json.slug);
		const before = f.sandbox.trade.walletCents;
		const { items } = await f.run({
			resource: 'topUp',
			operation: 'create',
			iccid,
			slug,
			quantity: 1,
		});
		expect(items[0].json).toMatchObject({ iccid, slug, status: 'processing' });
		expect(f.sandbox.trade.walletCents).toBeLessThan(before);
		expect(f.sandbox.trade.ledger.filter((e) => e.type === 'topup')).toHaveLength(1);
	});

	it('a reset after a top-up was committed is reported as "outcome unknown" and never repeated', async () => {
		const options = await f.run({ resource: 'topUp', operation: 'getOptions', iccid });
		f.sandbox.faults.addRule({
			route: 'POST /api/v1/portal/topups',
			kind: 'reset-after-commit',
			count: 1,
		});
		const { status, error } = await f.run({
			resource: 'topUp',
			operation: 'create',
			iccid,
			slug: String(options.items[0].json.slug),
			quantity: 1,
		});
		expect(status).toBe('error');
		expect(error!.message).toMatch(
			/^Outcome unknown: the connection to eSIMTrade failed \(ECONNRESET\) after the request was sent/,
		);
		expect(error!.description).toMatch(/may or may not have been placed/);
		expect(requestsTo(f.sandbox, 'POST', '/portal/topups')).toBe(1);
		expect(f.sandbox.trade.ledger.filter((e) => e.type === 'topup')).toHaveLength(1);
	});

	it('does not retry a top-up answered 503', async () => {
		f.sandbox.faults.addRule({ route: 'POST /api/v1/portal/topups', kind: '5xx', count: 1 });
		const { error } = await f.run({
			resource: 'topUp',
			operation: 'create',
			iccid,
			slug: 'ES_TOPUP_1GB',
			quantity: 1,
		});
		expect(error!.httpCode).toBe('503');
		expect(requestsTo(f.sandbox, 'POST', '/portal/topups')).toBe(1);
	});
});
