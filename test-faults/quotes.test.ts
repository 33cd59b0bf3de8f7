import type { IDataObject } from 'n8n-workflow';

import { fingerprintOf, quoteKey } from '../nodes/shared/spend/quoteRecord';
import {
	checkout,
	distributeFixture,
	planIds,
	type DistributeFixture,
} from '../test/helpers/distribute';
import { plan, SECRET, tradeFixture, type TradeFixture } from '../test/helpers/trade';

/** The eSIMTrade credential fields a quote's fingerprint is bound to. */
const TRADE_KEY_FIELDS = ['accessCode', 'secretKey', 'baseUrl'];

/**
 * Approved Quote buys exactly what the quote says or nothing: each refusal
 * names what changed, and the provider's ledger shows that nothing was bought
 * (no purchase request reached it at all).
 */
describe('Approved Quote refuses anything but the quoted purchase', () => {
	describe('eSIMTrade', () => {
		let f: TradeFixture;
		beforeAll(async () => {
			f = await tradeFixture({ trade: { fulfilmentDelayMs: 50 } });
		});
		afterAll(async () => await f.close());
		beforeEach(() => f.sandbox.reset());

		const purchases = () =>
			f.sandbox.log.count({ method: 'POST', path: '/api/v1/portal/order' }) +
			f.sandbox.log.count({ method: 'POST', path: '/api/v1/portal/topups' });
		const create = (options: IDataObject, quantity = 3, slug = 'ES_3_30') => ({
			resource: 'order',
			operation: 'create',
			plan: plan(slug),
			quantity,
			waitForFulfilment: false,
			options,
		});
		const quoteFor = async (quantity = 3, slug = 'ES_3_30') =>
			(await f.run(create({ dryRun: true }, quantity, slug))).items[0].json.quote as IDataObject;
		const refused = async (parameters: IDataObject, message: string | RegExp) => {
			const { status, error } = await f.run(parameters);
			expect(status).toBe('error');
			expect(error!.message).toEqual(
				typeof message === 'string' ? message : expect.stringMatching(message),
			);
			expect(error!.description).toMatch(/Nothing was bought\./);
			expect(purchases()).toBe(0);
			expect(f.sandbox.trade.ledger).toHaveLength(0);
			expect(f.sandbox.trade.walletCents).toBe(1_000_000);
		};

		it('an altered quote (a lower price typed in) is refused as altered', async () => {
			const quote = { ...(await quoteFor()), unitPrice: 0.5, total: 1.5 };
			await refused(
				create({ approvedQuote: quote }),
				'Approved Quote: the quote was altered after it was made (its fingerprint does not match its contents)',
			);
		});

		it('an expired quote is refused, with when it expired', async () => {
			const quote = await quoteFor();
			const key = quoteKey(
				{ accessCode: 'demo-access', secretKey: SECRET, baseUrl: f.sandbox.tradeBaseUrl },
				TRADE_KEY_FIELDS,
			);
			const old: IDataObject = {
				...quote,
				createdAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
				expiresAt: new Date(Date.now() - 3600_000).toISOString(),
			};
			old.fingerprint = fingerprintOf(old, key);
			await refused(
				create({ approvedQuote: old }),
				/^Approved Quote: the quote expired at .+ \(60 minutes ago\)$/,
			);
		});

		it('a quote made with another credential does not pass', async () => {
			const quote = await quoteFor();
			quote.fingerprint = fingerprintOf(quote, quoteKey({ accessCode: 'other' }, TRADE_KEY_FIELDS));
			await refused(create({ approvedQuote: quote }), /^Approved Quote: the quote was altered/);
		});

		it('another quantity is refused, naming both', async () => {
			await refused(
				create({ approvedQuote: await quoteFor(3) }, 2),
				'Approved Quote: this purchase is not the one approved: quantity (quoted 3, now 2)',
			);
		});

		it('another plan is refused, naming both', async () => {
			await refused(
				create({ approvedQuote: await quoteFor(1, 'ES_1_7') }, 1),
				'Approved Quote: this purchase is not the one approved: plan (quoted ES_1_7, now ES_3_30); price (quoted 1.30 USD, now 2.50 USD)',
			);
		});

		it('an order quote does not buy a top-up (operation)', async () => {
			const quote = await quoteFor(1);
			const [order] = f.sandbox.trade.seedOrders(1, { status: 'got_resource', slug: 'ES_3_30' });
			await refused(
				{
					resource: 'topUp',
					operation: 'create',
					iccid: order.esims[0].iccid,
					slug: 'ES_3_30',
					quantity: 1,
					options: { approvedQuote: quote },
				},
				'Approved Quote: this purchase is not the one approved: operation (quoted order.create, this is topUp.create)',
			);
		});

		it('what is not a quote is refused before anything is sent, naming the field', async () => {
			await refused(
				create({ approvedQuote: 'approved!' }),
				'Approved Quote: must be the quote object of a Dry Run item, or its JSON text',
			);
			const quote = await quoteFor();
			await refused(
				create({ approvedQuote: { ...quote, fingerprint: undefined } }),
				/^Approved Quote: quote\.fingerprint /,
			);
			await refused(
				create({
					approvedQuote: {
						...quote,
						lines: [{ ...(quote.lines as IDataObject[])[0], quantity: -3 }],
					},
				}),
				/^Approved Quote: quote\.lines\.0\.quantity /,
			);
			await refused(
				create({ approvedQuote: { ...quote, extra: 1 } }),
				/^Approved Quote: the quote has a field/,
			);
		});
	});

	describe('eSIM Distribute', () => {
		let f: DistributeFixture;
		let a: string;
		beforeAll(async () => {
			f = await distributeFixture();
		});
		afterAll(async () => await f.close());
		beforeEach(() => {
			f.sandbox.reset();
			[a] = planIds(f.sandbox, 1);
		});
		const sim = () => f.sandbox.distribute;
		const purchases = () =>
			f.sandbox.log.count({ method: 'POST', path: '/api/tenant/orders/checkout' }) +
			f.sandbox.log.count({ method: 'POST', path: '/api/tenant/top-up' });
		const refused = async (parameters: IDataObject, message: string) => {
			const { status, error } = await f.run(parameters);
			expect(status).toBe('error');
			expect(error!.message).toBe(message);
			expect(error!.description).toMatch(/Nothing was bought\./);
			expect(purchases()).toBe(0);
			expect(sim().orders).toHaveLength(0);
		};

		it('a price changed since the quote is refused, naming both prices', async () => {
			const quote = (await f.run(checkout([[a, 2]], { options: { dryRun: true } }))).items[0].json
				.quote as IDataObject;
			const row = sim().plans.find((p) => p.id === a)!;
			const was = row.price;
			(row as { price: number }).price = was + 1;
			await refused(
				checkout([[a, 2]], { options: { approvedQuote: quote } }),
				`Approved Quote: this purchase is not the one approved: price (quoted ${was.toFixed(2)} USD, now ${(was + 1).toFixed(2)} USD)`,
			);
		});

		it('a currency changed since the quote is refused, naming both', async () => {
			const quote = (await f.run(checkout([[a]], { options: { dryRun: true } }))).items[0].json
				.quote as IDataObject;
			(sim().plans.find((p) => p.id === a) as { currency: string }).currency = 'EUR';
			await refused(
				checkout([[a]], { options: { approvedQuote: quote } }),
				'Approved Quote: this purchase is not the one approved: currency (quoted USD, now EUR)',
			);
		});

		it('a wallet top-up of another amount is refused, and an eSIMTrade quote is not an eSIM Distribute one', async () => {
			const topUp = (amount: number, options: IDataObject) => ({
				resource: 'topUp',
				operation: 'create',
				amount,
				paymentMethod: 'bankTransfer',
				options,
			});
			const quote = (await f.run(topUp(100, { dryRun: true }))).items[0].json.quote as IDataObject;
			await refused(
				topUp(150, { approvedQuote: quote }),
				'Approved Quote: this purchase is not the one approved: amount (quoted 100, now 150); price (quoted 100.00 USD, now 150.00 USD)',
			);
			await refused(
				topUp(100, { approvedQuote: { ...quote, provider: 'esimTrade' } }),
				'Approved Quote: this purchase is not the one approved: provider (quoted esimTrade, this node is esimDistribute)',
			);
		});
	});
});
