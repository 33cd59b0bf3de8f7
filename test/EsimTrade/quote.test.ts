import type { IDataObject } from 'n8n-workflow';

import { plan, requestsTo, tradeFixture, type TradeFixture } from '../helpers/trade';

/** Dry Run makes a quote; Approved Quote buys exactly that quote, once. */
describe('eSIMTrade quotes', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture({ trade: { fulfilmentDelayMs: 50 } });
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const orders = () => requestsTo(f.sandbox, 'POST', '/portal/order');
	const create = (options: IDataObject, quantity = 3) => ({
		resource: 'order',
		operation: 'create',
		plan: plan('ES_3_30'),
		quantity,
		waitForFulfilment: false,
		options,
	});

	it('Dry Run outputs a signed quote: plan, quantity, prices, total, currency, balance, expiry', async () => {
		const before = Date.now();
		const { status, items } = await f.run(create({ dryRun: true, quoteValidMinutes: 15 }));
		expect(status).toBe('success');
		const quote = items[0].json.quote as IDataObject;
		expect(quote).toMatchObject({
			provider: 'esimTrade',
			operation: 'order.create',
			lines: [{ planId: 'ES_3_30', quantity: 3, unitPrice: 2.5, total: 7.5 }],
			quantity: 3,
			unitPrice: 2.5,
			total: 7.5,
			currency: 'USD',
			balance: 10000,
		});
		expect(quote.fingerprint).toMatch(/^[0-9a-f]{64}$/);
		const created = Date.parse(String(quote.createdAt));
		expect(created).toBeGreaterThanOrEqual(before - 1000);
		expect(Date.parse(String(quote.expiresAt)) - created).toBe(15 * 60_000);
		expect(items[0].json).toMatchObject({ dryRun: true, total: 7.5 });
		expect(orders()).toBe(0);
		expect(f.sandbox.trade.ledger).toHaveLength(0);
	});

	it('a quote is valid for 60 minutes unless told otherwise', async () => {
		const { items } = await f.run(create({ dryRun: true }));
		const quote = items[0].json.quote as IDataObject;
		expect(Date.parse(String(quote.expiresAt)) - Date.parse(String(quote.createdAt))).toBe(
			60 * 60_000,
		);
	});

	it('Approved Quote buys exactly the quoted order, once, as an object or as JSON text', async () => {
		const { items } = await f.run(create({ dryRun: true }));
		const quote = items[0].json.quote as IDataObject;
		const bought = await f.run(create({ approvedQuote: quote }));
		expect(bought.status).toBe('success');
		expect(bought.items[0].json.orderNo).toBeTruthy();
		expect(f.sandbox.trade.ledger.map((e) => e.cents)).toEqual([-750]);
		const again = await f.run(create({ approvedQuote: JSON.stringify(quote) }), [{ n: 2 }]);
		expect(again.status).toBe('success');
		expect(orders()).toBe(2);
	});

	it('Approved Quote takes the quote mapped by an expression from the item, as an approval step passes it on', async () => {
		const { items } = await f.run(create({ dryRun: true }));
		const bought = await f.run(create({ approvedQuote: '={{ $json.quote }}' }), [
			{ approved: true, quote: items[0].json.quote as IDataObject },
		]);
		expect(bought.status).toBe('success');
		expect(f.sandbox.trade.ledger.map((e) => e.cents)).toEqual([-750]);
	});

	it('a top-up quote names the eSIM, and Approved Quote makes exactly that top-up', async () => {
		const [order] = f.sandbox.trade.seedOrders(1, { status: 'got_resource', slug: 'ES_3_30' });
		const iccid = order.esims[0].iccid;
		const options = await f.run({ resource: 'topUp', operation: 'getOptions', iccid });
		const slug = String(options.items[0].json.slug);
		const topUp = (extra: IDataObject) => ({
			resource: 'topUp',
			operation: 'create',
			iccid,
			slug,
			quantity: 1,
			options: extra,
		});
		const dry = await f.run(topUp({ dryRun: true }));
		const quote = dry.items[0].json.quote as IDataObject;
		expect(quote).toMatchObject({
			provider: 'esimTrade',
			operation: 'topUp.create',
			lines: [{ planId: slug, iccid, quantity: 1 }],
			quantity: 1,
		});
		expect(requestsTo(f.sandbox, 'POST', '/portal/topups')).toBe(0);
		const done = await f.run(topUp({ approvedQuote: quote }));
		expect(done.status).toBe('success');
		expect(requestsTo(f.sandbox, 'POST', '/portal/topups')).toBe(1);
	});
});
