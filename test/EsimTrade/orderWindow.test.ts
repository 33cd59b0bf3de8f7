import { tradeFixture, type TradeFixture } from '../helpers/trade';

const HOUR = 3600_000;
const listPath = { method: 'GET', path: '/api/v1/reseller/orders' };

describe('eSIMTrade order list: Created After / Created Before', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	/** 1000 orders, one every 10 minutes (newest now): the oldest is ~7 days old. */
	const seed = () => f.sandbox.trade.seedOrders(1000, { spacingMs: 10 * 60_000 });
	const window = (after: number, before: number) => ({
		resource: 'order',
		operation: 'getMany',
		returnAll: true,
		filters: {
			createdAfter: new Date(after).toISOString(),
			createdBefore: new Date(before).toISOString(),
		},
	});

	it('returns exactly the orders of the window and stops reading once past it', async () => {
		seed();
		const now = Date.now();
		const after = now - 30 * HOUR;
		const before = now - 6 * HOUR;
		const { items } = await f.run(window(after, before));
		const expected = f.sandbox.trade.orders
			.filter((o) => o.createdAt >= after && o.createdAt < before)
			.map((o) => o.orderNo);
		expect(expected.length).toBeGreaterThan(100);
		expect(items.map((i) => i.json.providerOrderNo)).toEqual(expected);
		// 30 h + the 1 h drift allowance is ~186 rows = 2 pages; pages are read up to 4 at a time.
		const reads = f.sandbox.log.count(listPath);
		expect(reads).toBeGreaterThanOrEqual(3);
		expect(reads).toBeLessThanOrEqual(6);
		expect(reads).toBeLessThan(10); // the whole history is 10 pages
	});

	it('two consecutive days neither overlap nor leave a gap', async () => {
		seed();
		const day = 24 * HOUR;
		const midnight = Math.floor(Date.now() / day) * day;
		const first = await f.run(window(midnight - 2 * day, midnight - day));
		const second = await f.run(window(midnight - day, midnight));
		const a = first.items.map((i) => String(i.json.providerOrderNo));
		const b = second.items.map((i) => String(i.json.providerOrderNo));
		expect(a.filter((no) => b.includes(no))).toEqual([]);
		const both = f.sandbox.trade.orders
			.filter((o) => o.createdAt >= midnight - 2 * day && o.createdAt < midnight)
			.map((o) => o.orderNo)
			.sort();
		expect([...a, ...b].sort()).toEqual(both);
	});

	it('finds an order listed out of place by less than the drift allowance', async () => {
		seed();
		const orders = f.sandbox.trade.orders;
		const now = Date.now();
		const after = now - 24 * HOUR;
		// Move an order from the window to well below the boundary in list order (a clock-drifted row).
		const late = orders.find((o) => o.createdAt >= after + HOUR)!;
		const target = orders.findIndex((o) => o.createdAt < after - 50 * 60_000);
		orders.splice(orders.indexOf(late), 1);
		orders.splice(target, 0, late);
		const { items } = await f.run(window(after, now + HOUR));
		expect(items.map((i) => i.json.providerOrderNo)).toContain(late.orderNo);
	});

	it('without the filters it still reads the whole list', async () => {
		seed();
		const { items } = await f.run({ resource: 'order', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(1000);
		expect(f.sandbox.log.count(listPath)).toBe(10);
	});

	it('names a bad bound and reads nothing', async () => {
		seed();
		const reversed = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { createdAfter: '2025-02-01T00:00:00Z', createdBefore: '2025-01-01T00:00:00Z' },
		});
		expect(reversed.error!.message).toMatch(/^Created Before: must be later than Created After/);
		const vague = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { createdAfter: 'yesterday-ish' },
		});
		expect(vague.error!.message).toMatch(/^Created After: must be a date and time/);
		// An expression that resolved to nothing (e.g. an invalid date) is refused, not read as "no bound".
		const nothing = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: {
				createdAfter: "={{ DateTime.fromISO('not-a-day').toISO() }}",
				createdBefore: '2025-01-01T00:00:00Z',
			},
		});
		expect(nothing.error!.message).toMatch(/^Created After: must be a date and time/);
		expect(f.sandbox.log.count(listPath)).toBe(0);
	});
});
