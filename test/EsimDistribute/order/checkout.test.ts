import {
	checkout,
	distributeFixture,
	planIds,
	requestsTo,
	type DistributeFixture,
} from '../../helpers/distribute';

describe('eSIM Distribute order: checkout', () => {
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

	const sim = () => f.sandbox.distribute;
	const checkouts = () => requestsTo(f.sandbox, 'POST', '/orders/checkout');
	const debits = () => sim().transactions.filter((t) => t.type === 'checkout');

	it('buys a basket from the credit balance: one order per line, paired with the input item', async () => {
		const { status, items } = await f.run(
			checkout([[a, 2], [b]], {
				customerName: 'End Customer',
				additionalFields: { phone: '+852 1234 5678' },
			}),
		);
		expect(status).toBe('success');
		expect(items).toHaveLength(2);
		const [first, second] = items.map((i) => i.json);
		expect(first).toMatchObject({
			planId: a,
			quantity: 2,
			customerEmail: 'traveller@example.com',
			customerName: 'End Customer',
			reconciled: false,
		});
		expect(second).toMatchObject({ planId: b, quantity: 1, reconciled: false });
		expect(first.summary).toMatchObject({ orderCount: 2, refundedAmount: 0 });
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(sim().orders).toHaveLength(2);
		expect(debits()).toHaveLength(2);
		const total = (sim().plans[0].price * 2 + sim().plans[1].price) * 100;
		expect(Math.round((1000 - sim().balance) * 100)).toBe(Math.round(total));
	});

	it('takes the basket from an expression (JSON array), turning numeric text into numbers', async () => {
		const { status, items } = await f.run(
			{
				resource: 'order',
				operation: 'checkout',
				itemsInput: 'json',
				itemsJson: '={{ $json.basket }}',
				email: '={{ $json.email }}',
				customerName: 'Test Customer',
			},
			[{ basket: [{ planId: a, quantity: '3' }], email: 'json@example.com' }],
		);
		expect(status).toBe('success');
		expect(items[0].json).toMatchObject({
			planId: a,
			quantity: 3,
			customerEmail: 'json@example.com',
		});
	});

	it('Max Total refuses an over-budget basket before checkout', async () => {
		const price = sim().plans[0].price;
		const { status, error } = await f.run(checkout([[a, 4]], { options: { maxTotal: price * 3 } }));
		expect(status).toBe('error');
		expect(error!.message).toBe(
			`Max Total: the basket costs ${(price * 4).toFixed(2)} USD, more than the limit of ${(price * 3).toFixed(2)} USD`,
		);
		expect(error!.description).toContain('Nothing was bought');
		expect(checkouts()).toBe(0);
		expect(sim().orders).toHaveLength(0);
	});

	it('Max Total lets a basket within budget through', async () => {
		const price = sim().plans[0].price;
		const { status } = await f.run(checkout([[a, 2]], { options: { maxTotal: price * 2 } }));
		expect(status).toBe('success');
		expect(sim().orders).toHaveLength(1);
	});

	it('says plainly when the credit balance is short, with the balance, and charges nothing', async () => {
		sim().setBalance(3);
		const { error } = await f.run(checkout([[a, 1]]));
		expect(error!.httpCode).toBe('402');
		expect(error!.message).toBe(
			'Insufficient balance: eSIM Distribute refused the purchase because the balance does not cover it',
		);
		expect(error!.description).toContain('The credit balance is 3.00 USD.');
		expect(error!.description).toContain('Insufficient balance: need');
		expect(sim().orders).toHaveLength(0);
		expect(sim().balance).toBe(3);
	});

	it('reset after commit: never sent twice, the order is found and output as reconciled', async () => {
		f.sandbox.faults.addRule({
			route: 'POST /api/tenant/orders/checkout',
			kind: 'reset-after-commit',
			count: 1,
		});
		const { status, items } = await f.run(
			checkout([
				[a, 2],
				[b, 1],
			]),
		);
		expect(status).toBe('success');
		expect(checkouts()).toBe(1);
		expect(sim().orders).toHaveLength(2);
		expect(debits()).toHaveLength(2);
		expect(items.map((i) => i.json.reconciled)).toEqual([true, true]);
		expect(items.map((i) => i.json.id).sort()).toEqual(
			sim()
				.orders.map((o) => o.id)
				.sort(),
		);
	});

	it('Skip Repeat Within: a second run for the same customer and basket returns the first order and buys nothing', async () => {
		const first = await f.run(checkout([[a, 2], [b]], { options: { repeatWindow: 60 } }));
		expect(first.status).toBe('success');
		const again = await f.run(checkout([[a, 2], [b]], { options: { repeatWindow: 60 } }));
		expect(again.status).toBe('success');
		expect(again.items.map((i) => i.json.id).sort()).toEqual(
			first.items.map((i) => i.json.id).sort(),
		);
		expect(
			again.items.every((i) => i.json.reconciled === true && i.json.repeatSkipped === true),
		).toBe(true);
		expect(checkouts()).toBe(1);
		expect(debits()).toHaveLength(2);
		// Another basket (or the option off) is a new purchase.
		expect((await f.run(checkout([[a, 1]], { options: { repeatWindow: 60 } }))).status).toBe(
			'success',
		);
		expect((await f.run(checkout([[a, 2], [b]]))).status).toBe('success');
		expect(checkouts()).toBe(3);
	});

	it('reconciliation ignores an identical earlier order of the same customer', async () => {
		await f.run(checkout([[a, 1]]));
		f.sandbox.faults.addRule({
			route: 'POST /api/tenant/orders/checkout',
			kind: 'reset-after-commit',
			count: 1,
		});
		const { items } = await f.run(checkout([[a, 1]]));
		expect(sim().orders).toHaveLength(2);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ reconciled: true, id: sim().orders[0].id });
	});

	it('hang after commit: the request times out, is not repeated, and the order is reconciled', async () => {
		f.sandbox.faults.set({ hangMs: 3000 });
		f.sandbox.faults.addRule({
			route: 'POST /api/tenant/orders/checkout',
			kind: 'hang-after-commit',
			count: 1,
		});
		const { status, items } = await f.run(checkout([[a, 1]], { options: { requestTimeout: 1 } }));
		expect(status).toBe('success');
		expect(checkouts()).toBe(1);
		expect(sim().orders).toHaveLength(1);
		expect(debits()).toHaveLength(1);
		expect(items[0].json).toMatchObject({ reconciled: true, planId: a });
	});

	it('reset before handling: "Outcome unknown", nothing bought and nothing sent again', async () => {
		f.sandbox.faults.addRule({
			route: 'POST /api/tenant/orders/checkout',
			kind: 'reset-before',
			count: 1,
		});
		const { status, error } = await f.run(checkout([[a, 1]]));
		expect(status).toBe('error');
		expect(error!.message).toBe(
			'Outcome unknown — the checkout may or may not have been placed; check orders for traveller@example.com before re-running',
		);
		expect(error!.description).toMatch(
			/^The connection failed \(ECONNRESET\) after the checkout was sent\. No new orders matching this basket/,
		);
		expect(checkouts()).toBe(1);
		expect(sim().orders).toHaveLength(0);
		expect(debits()).toHaveLength(0);
	}, 20_000);

	it('a 503 on checkout is not retried blindly: looked up, then reported as outcome unknown', async () => {
		f.sandbox.faults.addRule({ route: 'POST /api/tenant/orders/checkout', kind: '5xx', count: 1 });
		const { error } = await f.run(checkout([[a, 1]]));
		expect(error!.message).toMatch(/^Outcome unknown — /);
		expect(error!.httpCode).toBe('503');
		expect(checkouts()).toBe(1);
		expect(sim().orders).toHaveLength(0);
	}, 20_000);

	it('a 429 on checkout was refused before any work, so it is sent again after Retry-After', async () => {
		f.sandbox.faults.addRule({ route: 'POST /api/tenant/orders/checkout', kind: '429', count: 1 });
		const { status } = await f.run(checkout([[a, 1]]));
		expect(status).toBe('success');
		expect(checkouts()).toBe(2);
		expect(sim().orders).toHaveLength(1);
	}, 20_000);

	it('continue on fail: a failed checkout becomes an error item, the others go through', async () => {
		const { status, items } = await f.run(
			checkout([[a, 1]], { email: '={{ $json.email }}' }),
			[{ email: 'one@example.com' }, { email: 'not-an-email' }, { email: 'two@example.com' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(status).toBe('success');
		expect(items).toHaveLength(3);
		expect(items[1].json.error).toMatch(/^Customer Email: must be a valid email address/);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[2].pairedItem).toEqual({ item: 2 });
		expect(sim().orders).toHaveLength(2);
	});
});
