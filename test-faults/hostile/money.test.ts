import type { IDataObject } from 'n8n-workflow';

import { checkout, distributeFixture, planIds } from '../../test/helpers/distribute';
import { plan, runTrade, tradeFixture, tradeHarness } from '../../test/helpers/trade';
import { distributeProvider } from './distributeProvider';
import { tradeProvider, type Answer, type TradeProvider } from './tradeProvider';

/**
 * Money edge cases against a hostile eSIMTrade: a plan in another currency
 * than the wallet, sub-cent prices, a charge above the price, a refusal of a
 * repeat after an attempt that may have been charged, and two executions
 * racing for one wallet.
 */
const buy = (options: IDataObject, quantity = 3, slug = 'ES_3_30') => ({
	resource: 'order',
	operation: 'create',
	plan: plan(slug),
	quantity,
	waitForFulfilment: false,
	options,
});

const placed =
	(answer: Partial<Answer> = {}) =>
	(order: { orderNo: string }) => ({
		body: { data: { orderNo: order.orderNo, status: 'processing' } },
		...answer,
	});

describe('money edge cases (hostile eSIMTrade)', () => {
	let provider: TradeProvider | undefined;
	afterEach(async () => await provider?.close());
	const run = async (parameters: IDataObject) =>
		await runTrade(tradeHarness(provider!.baseUrl), parameters);
	const purchases = () =>
		provider!.received.filter((r) => r.method === 'POST' && r.path === '/api/v1/portal/order')
			.length;

	it('Max Total never compares a EUR price with the USD wallet: refused on the real call too, naming both', async () => {
		provider = await tradeProvider({
			orderAnswer: placed(),
			plans: [{ slug: 'ES_3_30', price: 2.5, currencyCode: 'EUR' }],
		});
		const { status, error } = await run(buy({ maxTotal: 100 }));
		expect(status).toBe('error');
		expect(error!.message).toBe(
			'Max Total: this order is priced in EUR but the wallet, and so Max Total, is in USD; amounts in different currencies are never compared',
		);
		expect(error!.description).toMatch(/^Nothing was bought\./);
		expect(purchases()).toBe(0);
	});

	it('a sub-cent price is totalled exactly: 100 × 0.004 = 0.40 is above a Max Total of 0.01', async () => {
		provider = await tradeProvider({
			orderAnswer: placed(),
			plans: [{ slug: 'TINY', price: 0.004, currencyCode: 'USD' }],
		});
		const { status, error } = await run(buy({ maxTotal: 0.01 }, 100, 'TINY'));
		expect(status).toBe('error');
		expect(error!.message).toBe(
			'Max Total: this order costs 0.40 USD, more than the limit of 0.01 USD',
		);
		expect(purchases()).toBe(0);
		const dry = await run(buy({ dryRun: true }, 3, 'TINY'));
		expect(dry.items[0].json).toMatchObject({ total: 0.012, unitPrice: 0.004 });
	});

	it('a charge above the price is flagged loudly in the output', async () => {
		provider = await tradeProvider({
			orderAnswer: (order) => ({
				body: {
					data: {
						orderNo: order.orderNo,
						status: 'processing',
						totalPrice: 9,
						currencyCode: 'USD',
					},
				},
			}),
		});
		const { status, items } = await run(buy({ maxTotal: 8 }));
		expect(status).toBe('success');
		expect(items[0].json.overcharged).toEqual({
			priced: '7.50 USD',
			charged: '9.00 USD',
			difference: '1.50 USD',
			basis: 'Max Total',
		});
		expect(items[0].json.warning).toBe(
			`eSIMTrade charged 9.00 USD for order ${items[0].json.orderNo}, more than the 7.50 USD it was priced at before buying (Max Total), and above the Max Total of 8.00 USD. Check order ${items[0].json.orderNo} in the eSIMTrade portal and ask eSIMTrade to refund the difference; until then, keep Max Total or Approved Quote on this node.`,
		);
		expect(purchases()).toBe(1);
	});

	it('a charge that matches the price is not flagged', async () => {
		provider = await tradeProvider({
			orderAnswer: (order) => ({
				body: { data: { orderNo: order.orderNo, status: 'processing', totalPrice: 7.5 } },
			}),
		});
		const { items } = await run(buy({ maxTotal: 8 }));
		expect(items[0].json.overcharged).toBeUndefined();
		expect(items[0].json.warning).toBeUndefined();
	});

	it.each([
		[409, { error: 'Duplicate idempotent purchase' }],
		[402, { error: 'Insufficient balance' }],
		[400, { error: 'Invalid request' }],
	])(
		'a %i to the repeat of a purchase whose first attempt got a 503 is "Outcome unknown", never "nothing was charged", and is not retried',
		async (status, body) => {
			provider = await tradeProvider({
				orderAnswer: (_order, replay) =>
					replay ? { status, body } : { status: 503, body: { error: 'busy' } },
			});
			const { error } = await run(buy({}));
			expect(error!.message).toBe(
				`Outcome unknown: eSIMTrade refused a repeat of the purchase (HTTP ${status}) after an earlier attempt may have gone through (tried 2 times)`,
			);
			expect(error!.description).not.toMatch(/nothing was charged/i);
			expect(error!.description).toMatch(/Check the orders and the wallet in the eSIMTrade portal/);
			expect(purchases()).toBe(2);
		},
	);
});

describe('Keep Wallet Balance At Least under concurrency (sandbox)', () => {
	it('two executions at once on one credential cannot both pass the check: one buys, one is refused', async () => {
		const f = await tradeFixture();
		try {
			f.sandbox.trade.setWallet(2000);
			f.sandbox.faults.set({ latencyMs: 150 });
			const results = await Promise.all(
				[1, 2].map(async (n) => await f.run(buy({ keepBalanceAtLeast: 10 }), [{ shopOrder: n }])),
			);
			const refused = results.filter((r) => r.status === 'error');
			expect(results.filter((r) => r.status === 'success')).toHaveLength(1);
			expect(refused).toHaveLength(1);
			expect(refused[0].error!.message).toMatch(/^Keep Wallet Balance At Least: paying 7\.50 USD/);
			expect(f.sandbox.trade.ledger.map((e) => e.cents)).toEqual([-750]);
			expect(f.sandbox.trade.walletCents).toBe(1250);
		} finally {
			await f.close();
		}
	});
});

describe('currency on eSIM Distribute (sandbox)', () => {
	it('Max Total on a checkout of a EUR plan from a USD wallet is refused, naming both, and nothing is checked out', async () => {
		const f = await distributeFixture();
		try {
			const [a] = planIds(f.sandbox, 1);
			(f.sandbox.distribute.plans.find((p) => p.id === a) as { currency: string }).currency = 'EUR';
			const { status, error } = await f.run(checkout([[a]], { options: { maxTotal: 100 } }));
			expect(status).toBe('error');
			expect(error!.message).toBe(
				'Max Total: the basket is priced in EUR but the wallet, and so Max Total, is in USD; amounts in different currencies are never compared',
			);
			expect(f.sandbox.log.count({ method: 'POST', path: '/api/tenant/orders/checkout' })).toBe(0);
			expect(f.sandbox.distribute.orders).toHaveLength(0);
		} finally {
			await f.close();
		}
	});
});

describe('overcharge on eSIM Distribute (hostile)', () => {
	it('a wallet top-up created for more than was asked is flagged, above the Max Total too', async () => {
		const provider = await distributeProvider(
			() => ({ csv: '' }),
			(body) => ({
				id: 'tu-1',
				amount: Number(body?.amount) * 3,
				currency: 'USD',
				status: 'pending',
			}),
		);
		try {
			const { status, items } = await provider.run({
				resource: 'topUp',
				operation: 'create',
				amount: 100,
				paymentMethod: 'bankTransfer',
				options: { maxTotal: 150 },
			});
			expect(status).toBe('success');
			expect(items[0].json).toMatchObject({
				amount: 300,
				overcharged: { priced: '100.00 USD', charged: '300.00 USD', difference: '200.00 USD' },
			});
			expect(items[0].json.warning).toMatch(
				/^eSIM Distribute charged 300\.00 USD for this top-up, more than the 100\.00 USD it was priced at before buying \(Max Total\), and above the Max Total of 150\.00 USD\./,
			);
		} finally {
			await provider.close();
		}
	});
});
