import { tradeFixture, type TradeFixture } from '../helpers/trade';

describe('eSIMTrade lists: orders and eSIMs', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	it('Return All walks every page and equals the sandbox list, newest first', async () => {
		f.sandbox.trade.seedOrders(457);
		const { items } = await f.run({ resource: 'order', operation: 'getMany', returnAll: true });
		const expected = f.sandbox.trade.orders.map((o) => o.orderNo);
		expect(items.map((i) => i.json.providerOrderNo)).toEqual(expected);
		expect(f.sandbox.log.count({ method: 'GET', path: '/api/v1/reseller/orders' })).toBe(5);
	});

	it('Limit stops early and asks for no more than needed', async () => {
		f.sandbox.trade.seedOrders(300);
		const { items } = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: false,
			limit: 30,
		});
		expect(items).toHaveLength(30);
		expect(f.sandbox.log.count({ method: 'GET', path: '/api/v1/reseller/orders' })).toBe(1);
		expect(f.sandbox.log.entries()[0].query.pageSize).toBe('30');
	});

	it('no row twice and none lost while new orders arrive during the walk', async () => {
		f.sandbox.trade.seedOrders(1000);
		const before = new Set(f.sandbox.trade.orders.map((o) => o.orderNo));
		f.sandbox.faults.set({ latencyMs: 3 });
		const adder = setInterval(() => f.sandbox.trade.seedOrders(7), 2);
		let items;
		try {
			({ items } = await f.run({ resource: 'order', operation: 'getMany', returnAll: true }));
		} finally {
			clearInterval(adder);
		}
		const seen = items.map((i) => String(i.json.providerOrderNo));
		expect(new Set(seen).size).toBe(seen.length);
		for (const orderNo of before) expect(seen).toContain(orderNo);
		expect(f.sandbox.trade.orders.length).toBeGreaterThan(1000);
	});

	it('filters orders by status and search text', async () => {
		f.sandbox.trade.seedOrders(20, { status: 'got_resource' });
		f.sandbox.trade.seedOrders(5, { status: 'cancel' });
		const cancelled = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { status: 'cancel' },
		});
		expect(cancelled.items).toHaveLength(5);
		const first = f.sandbox.trade.orders[0];
		const found = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { q: first.orderNo },
		});
		expect(found.items.map((i) => i.json.providerOrderNo)).toEqual([first.orderNo]);
		expect(f.sandbox.log.entries().some((e) => e.query.status === 'cancel')).toBe(true);
	});

	it('lists eSIMs with ICCID and activation details lifted from the raw provider data', async () => {
		f.sandbox.trade.seedOrders(130, { status: 'got_resource' });
		const { items } = await f.run({
			resource: 'esim',
			operation: 'getMany',
			returnAll: true,
			filters: { status: 'got_resource' },
		});
		expect(items).toHaveLength(130);
		expect(items[0].json.iccid).toMatch(/^\d{18,22}$/);
		expect(String(items[0].json.activationCode)).toMatch(/^LPA:1\$/);
		const limited = await f.run({
			resource: 'esim',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
		});
		expect(limited.items).toHaveLength(5);
	});
});
