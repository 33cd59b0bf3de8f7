import {
	checkout,
	distributeFixture,
	planIds,
	requestsTo,
	type DistributeFixture,
} from '../helpers/distribute';

/** Max Total, Keep Wallet Balance At Least and Dry Run on eSIM Distribute's checkout and wallet top-up. */
describe('eSIM Distribute spend guards', () => {
	let f: DistributeFixture;
	let a: string;
	let price: number;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => {
		f.sandbox.reset();
		[a] = planIds(f.sandbox, 1);
		price = f.sandbox.distribute.plans.find((p) => p.id === a)!.price;
	});

	const sim = () => f.sandbox.distribute;
	const checkouts = () => requestsTo(f.sandbox, 'POST', '/orders/checkout');
	const topUps = () => requestsTo(f.sandbox, 'POST', '/top-up');
	const usd = (n: number) => `${n.toFixed(2)} USD`;

	it('Keep Wallet Balance At Least refuses a basket that would leave less, naming both figures; nothing sent', async () => {
		sim().setBalance(price * 2 + 1);
		const { status, error } = await f.run(
			checkout([[a, 2]], { options: { keepBalanceAtLeast: 2 } }),
		);
		expect(status).toBe('error');
		expect(error!.message).toBe(
			`Keep Wallet Balance At Least: paying ${usd(price * 2)} would leave 1.00 USD in the wallet, below the 2.00 USD to keep (balance now ${usd(price * 2 + 1)})`,
		);
		expect(error!.description).toMatch(/^Nothing was bought\./);
		expect(checkouts()).toBe(0);
		expect(sim().orders).toHaveLength(0);
	});

	it('a plan that is not on sale cannot be priced: nothing is bought and the error says why', async () => {
		const inactive = sim().plans.find((p) => !p.active)!.id;
		const { error } = await f.run(checkout([[inactive, 1]], { options: { maxTotal: 100 } }));
		expect(error!.message).toBe(
			`Max Total: plan ${inactive} is not among the available plans, so it cannot be priced`,
		);
		expect(checkouts()).toBe(0);
	});

	it('Dry Run prices the basket, reads the balance and outputs the verdicts without a checkout', async () => {
		const [x, y] = planIds(f.sandbox, 2);
		const py = sim().plans.find((p) => p.id === y)!.price;
		const { status, items } = await f.run(
			checkout(
				[
					[x, 2],
					[y, 1],
				],
				{ options: { dryRun: true, maxTotal: 1 } },
			),
		);
		expect(status).toBe('success');
		expect(items).toHaveLength(1);
		const total = Math.round((price * 2 + py) * 100) / 100;
		expect(items[0].json).toMatchObject({
			dryRun: true,
			wouldBuy: false,
			total,
			currency: 'USD',
			balanceBefore: 1000,
			balanceAfter: Math.round((1000 - total) * 100) / 100,
			lines: [
				{ plan: x, quantity: 2, unitPrice: price },
				{ plan: y, quantity: 1, unitPrice: py },
			],
			guards: [
				{ guard: 'Max Total', passed: false },
				{ guard: 'Balance Covers It', passed: true },
			],
		});
		expect(checkouts()).toBe(0);
		expect(sim().orders).toHaveLength(0);
		expect(
			f.sandbox.log
				.entries({ provider: 'distribute' })
				.filter((e) => e.method !== 'GET' && e.path !== '/api/tenant/login'),
		).toEqual([]);
	});

	it('Dry Run on the wallet top-up shows the amount and the balance after, and creates no top-up', async () => {
		const { items } = await f.run({
			resource: 'topUp',
			operation: 'create',
			amount: 150,
			paymentMethod: 'bankTransfer',
			options: { dryRun: true, maxTotal: 200 },
		});
		expect(items[0].json).toMatchObject({
			dryRun: true,
			wouldBuy: true,
			total: 150,
			balanceBefore: 1000,
			balanceAfter: 1150,
			guards: [{ guard: 'Max Total', passed: true }],
		});
		expect(topUps()).toBe(0);
		expect(sim().topups).toHaveLength(0);
	});

	it('Max Total on the wallet top-up refuses a larger amount; nothing created', async () => {
		const { error } = await f.run({
			resource: 'topUp',
			operation: 'create',
			amount: 500,
			paymentMethod: 'bankTransfer',
			options: { maxTotal: 200 },
		});
		expect(error!.message).toBe(
			'Max Total: this top-up costs 500.00 USD, more than the limit of 200.00 USD',
		);
		expect(topUps()).toBe(0);
	});

	it('a checkout guard hit honours Continue On Fail per item', async () => {
		const { status, items } = await f.run(
			checkout([[a, 1]], { options: { maxTotal: '={{ $json.limit }}' }, waitForFulfilment: false }),
			[{ limit: 0.01 }, { limit: 100 }],
			{ onError: 'continueRegularOutput' },
		);
		expect(status).toBe('success');
		expect(items[0].json.error).toMatch(/^Max Total: the basket costs/);
		expect(items[0].pairedItem).toMatchObject({ item: 0 });
		expect(items[1].json).toMatchObject({ planId: a, quantity: 1 });
		expect(checkouts()).toBe(1);
	});
});
