import { plan, requestsTo, tradeFixture, type TradeFixture } from '../helpers/trade';

/** Max Total, Keep Wallet Balance At Least and Dry Run on eSIMTrade's money-moving operations. */
describe('eSIMTrade spend guards', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture({ trade: { fulfilmentDelayMs: 50 } });
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const orders = () => requestsTo(f.sandbox, 'POST', '/portal/order');
	const topUps = () => requestsTo(f.sandbox, 'POST', '/portal/topups');
	const debits = () => f.sandbox.trade.ledger.length;
	const create = (options: object, extra: object = {}) => ({
		resource: 'order',
		operation: 'create',
		plan: plan('ES_3_30'),
		quantity: 3,
		waitForFulfilment: false,
		options,
		...extra,
	});

	describe('Create Order', () => {
		it('Max Total refuses an order priced above it: nothing sent, nothing debited, the error says why and what to do', async () => {
			const { status, error } = await f.run(create({ maxTotal: 7 }));
			expect(status).toBe('error');
			expect(error!.message).toBe(
				'Max Total: this order costs 7.50 USD, more than the limit of 7.00 USD',
			);
			expect(error!.description).toBe(
				'Nothing was bought. Raise Max Total, or buy fewer or cheaper plans.',
			);
			expect(orders()).toBe(0);
			expect(debits()).toBe(0);
			expect(f.sandbox.log.count({ method: 'GET', path: '/api/v1/portal/plans' })).toBe(1);
		});

		it('Max Total lets an order at the limit through, priced from the plan (one purchase)', async () => {
			const { status, items } = await f.run(create({ maxTotal: 7.5 }));
			expect(status).toBe('success');
			expect(items[0].json.orderNo).toBeTruthy();
			expect(orders()).toBe(1);
			expect(f.sandbox.trade.ledger.map((e) => e.cents)).toEqual([-750]);
		});

		it('a plan eSIMTrade does not list cannot be priced: nothing is bought and the error says why', async () => {
			const { status, error } = await f.run(create({ maxTotal: 100 }, { plan: plan('XX_1_1') }));
			expect(status).toBe('error');
			expect(error!.message).toBe(
				'Max Total: eSIMTrade does not list the plan "XX_1_1", so it cannot be priced',
			);
			expect(error!.description).toMatch(/^Nothing was bought\. /);
			expect(orders()).toBe(0);
		});

		it('counts a per-day plan once per day against Max Total', async () => {
			const { error } = await f.run(
				create(
					{ maxTotal: 3 },
					{ plan: plan('PK_0.5_Daily'), quantity: 1, additionalFields: { days: 7 } },
				),
			);
			expect(error!.message).toBe(
				'Max Total: this order costs 3.50 USD, more than the limit of 3.00 USD',
			);
			expect(orders()).toBe(0);
		});

		it('Keep Wallet Balance At Least refuses an order that would leave less, naming both figures', async () => {
			f.sandbox.trade.setWallet(1000);
			const { status, error } = await f.run(create({ keepBalanceAtLeast: 5 }));
			expect(status).toBe('error');
			expect(error!.message).toBe(
				'Keep Wallet Balance At Least: paying 7.50 USD would leave 2.50 USD in the wallet, below the 5.00 USD to keep (balance now 10.00 USD)',
			);
			expect(error!.description).toBe(
				'Nothing was bought. Add funds to the wallet, lower the amount to keep, or buy less.',
			);
			expect(orders()).toBe(0);
			expect(f.sandbox.trade.walletCents).toBe(1000);
		});

		it('Keep Wallet Balance At Least lets an order through when enough stays in the wallet', async () => {
			f.sandbox.trade.setWallet(1250);
			const { status } = await f.run(create({ keepBalanceAtLeast: 5 }));
			expect(status).toBe('success');
			expect(f.sandbox.trade.walletCents).toBe(500);
		});

		it('Dry Run outputs the plan, quantity, prices, balances and verdicts, and sends no purchase', async () => {
			const { status, items } = await f.run(
				create({ dryRun: true, maxTotal: 7, keepBalanceAtLeast: 9990 }),
			);
			expect(status).toBe('success');
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				dryRun: true,
				wouldBuy: false,
				allGuardsPass: false,
				plan: 'ES_3_30',
				quantity: 3,
				unitPrice: 2.5,
				total: 7.5,
				currency: 'USD',
				balanceBefore: 10000,
				balanceAfter: 9992.5,
				guards: [
					{ guard: 'Max Total', passed: false },
					{ guard: 'Keep Wallet Balance At Least', passed: true },
					{ guard: 'Balance Covers It', passed: true },
				],
			});
			expect((items[0].json.request as { body: object }).body).toMatchObject({
				slug: 'ES_3_30',
				qty: 3,
			});
			expect(orders()).toBe(0);
			expect(debits()).toBe(0);
			const paths = f.sandbox.log.entries().map((e) => `${e.method} ${e.path}`);
			expect(paths).toEqual(['GET /api/v1/portal/plans', 'GET /api/v1/portal/balance']);
		});

		it('Dry Run with no guard set still prices the order and reads the balance', async () => {
			const { items } = await f.run(create({ dryRun: true }));
			expect(items[0].json).toMatchObject({
				wouldBuy: true,
				total: 7.5,
				guards: [{ guard: 'Balance Covers It', passed: true }],
			});
			expect(orders()).toBe(0);
		});

		it('a guard hit honours Continue On Fail: an error item per refused input, the others bought', async () => {
			const { status, items } = await f.run(
				create({ maxTotal: '={{ $json.limit }}' }, { quantity: '={{ $json.qty }}' }),
				[
					{ qty: 1, limit: 5 },
					{ qty: 3, limit: 5 },
				],
				{ onError: 'continueRegularOutput' },
			);
			expect(status).toBe('success');
			expect(items).toHaveLength(2);
			expect(items[0].json.orderNo).toBeTruthy();
			expect(items[1].json).toMatchObject({
				error: 'Max Total: this order costs 7.50 USD, more than the limit of 5.00 USD',
			});
			expect(items[1].pairedItem).toMatchObject({ item: 1 });
			expect(orders()).toBe(1);
		});

		it('a refused item stops the run with its item index when Continue On Fail is off', async () => {
			const { status, error } = await f.run(create({ maxTotal: '={{ $json.limit }}' }), [
				{ limit: 10 },
				{ limit: 1 },
			]);
			expect(status).toBe('error');
			expect(
				(error!.context as { itemIndex?: number } | undefined)?.itemIndex ?? error!.itemIndex,
			).toBe(1);
			expect(orders()).toBe(1);
		});
	});

	describe('Top-Up → Create', () => {
		let iccid: string;
		beforeEach(() => {
			const [order] = f.sandbox.trade.seedOrders(1, { status: 'got_resource', slug: 'ES_3_30' });
			iccid = order.esims[0].iccid;
		});
		const topUp = (options: object, extra: object = {}) => ({
			resource: 'topUp',
			operation: 'create',
			iccid,
			slug: 'ES_TOPUP_3GB',
			quantity: 2,
			options,
			...extra,
		});

		it('Max Total prices the top-up from the options offered for the eSIM and refuses it above the limit', async () => {
			const { items } = await f.run({ resource: 'topUp', operation: 'getOptions', iccid });
			const price = Number(items.find((i) => i.json.slug === 'ES_TOPUP_3GB')!.json.price);
			f.sandbox.log.clear();
			const { status, error } = await f.run(topUp({ maxTotal: price }));
			expect(status).toBe('error');
			expect(error!.message).toBe(
				`Max Total: this top-up costs ${(price * 2).toFixed(2)} USD, more than the limit of ${price.toFixed(2)} USD`,
			);
			expect(topUps()).toBe(0);
			expect(debits()).toBe(0);
			const within = await f.run(topUp({ maxTotal: price * 2 }));
			expect(within.status).toBe('success');
			expect(topUps()).toBe(1);
		});

		it('a top-up slug not offered for the eSIM cannot be priced: nothing bought', async () => {
			const { error } = await f.run(topUp({ maxTotal: 100 }, { slug: 'JP_TOPUP_1GB' }));
			expect(error!.message).toBe(
				`Max Total: the top-up "JP_TOPUP_1GB" is not among the options eSIMTrade offers for the eSIM ${iccid}, so it cannot be priced`,
			);
			expect(topUps()).toBe(0);
		});

		it('an eSIM with no top-up on offer cannot be priced: nothing bought', async () => {
			f.sandbox.trade.setOrderStatus(f.sandbox.trade.orders[0].orderNo, 'cancel');
			const { error } = await f.run(topUp({ keepBalanceAtLeast: 1 }));
			expect(error!.message).toBe(
				`Keep Wallet Balance At Least: eSIMTrade offers no top-up for the eSIM ${iccid} now (it answered "No packageList returned"), so it cannot be priced`,
			);
			expect(topUps()).toBe(0);
		});

		it('Keep Wallet Balance At Least refuses a top-up that would leave less in the wallet', async () => {
			f.sandbox.trade.setWallet(1000);
			const { error } = await f.run(topUp({ keepBalanceAtLeast: 4.5 }));
			expect(error!.message).toBe(
				'Keep Wallet Balance At Least: paying 7.00 USD would leave 3.00 USD in the wallet, below the 4.50 USD to keep (balance now 10.00 USD)',
			);
			expect(topUps()).toBe(0);
			expect(f.sandbox.trade.walletCents).toBe(1000);
		});

		it('Dry Run outputs the top-up plan, quantity, unit price, total and balances, and sends nothing', async () => {
			const { items } = await f.run(topUp({ dryRun: true }));
			expect(items[0].json).toMatchObject({
				dryRun: true,
				plan: 'ES_TOPUP_3GB',
				quantity: 2,
				currency: 'USD',
				balanceBefore: 10000,
			});
			const json = items[0].json as { unitPrice: number; total: number; balanceAfter: number };
			expect(json.total).toBeCloseTo(json.unitPrice * 2, 2);
			expect(json.balanceAfter).toBeCloseTo(10000 - json.total, 2);
			expect(topUps()).toBe(0);
			expect(debits()).toBe(0);
		});
	});
});
