import type { IDataObject } from 'n8n-workflow';

import {
	checkout,
	distributeFixture,
	planIds,
	requestsTo,
	type DistributeFixture,
} from '../helpers/distribute';

/** Dry Run makes a quote; Approved Quote buys exactly that quote, once. */
describe('eSIM Distribute quotes', () => {
	let f: DistributeFixture;
	let a: string;
	let b: string;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => {
		f.sandbox.reset();
		[a, b] = planIds(f.sandbox, 2);
	});
	const price = (id: string) => f.sandbox.distribute.plans.find((p) => p.id === id)!.price;

	it('a checkout quote lists every line; Approved Quote checks it out once', async () => {
		const dry = await f.run(checkout([[a, 2], [b]], { options: { dryRun: true } }));
		const quote = dry.items[0].json.quote as IDataObject;
		expect(quote).toMatchObject({
			provider: 'esimDistribute',
			operation: 'order.checkout',
			lines: [
				{ planId: a, quantity: 2, unitPrice: price(a) },
				{ planId: b, quantity: 1, unitPrice: price(b) },
			],
			quantity: 3,
			unitPrice: null,
			currency: 'USD',
			balance: 1000,
		});
		expect(quote.total).toBeCloseTo(price(a) * 2 + price(b), 6);
		expect(requestsTo(f.sandbox, 'POST', '/orders/checkout')).toBe(0);
		const bought = await f.run(checkout([[a, 2], [b]], { options: { approvedQuote: quote } }));
		expect(bought.status).toBe('success');
		expect(requestsTo(f.sandbox, 'POST', '/orders/checkout')).toBe(1);
		expect(f.sandbox.distribute.orders.length).toBeGreaterThan(0);
	});

	it('a wallet top-up quote names the amount and method; Approved Quote creates that top-up once', async () => {
		const topUp = (options: IDataObject) => ({
			resource: 'topUp',
			operation: 'create',
			amount: 150,
			paymentMethod: 'bankTransfer',
			options,
		});
		const dry = await f.run(topUp({ dryRun: true }));
		const quote = dry.items[0].json.quote as IDataObject;
		expect(quote).toMatchObject({
			provider: 'esimDistribute',
			operation: 'topUp.create',
			lines: [{ amount: 150, paymentMethod: 'bank_transfer', quantity: 1, unitPrice: 150 }],
			total: 150,
			currency: 'USD',
			balance: 1000,
		});
		expect(requestsTo(f.sandbox, 'POST', '/top-up')).toBe(0);
		const done = await f.run(topUp({ approvedQuote: quote }));
		expect(done.status).toBe('success');
		expect(requestsTo(f.sandbox, 'POST', '/top-up')).toBe(1);
	});
});
