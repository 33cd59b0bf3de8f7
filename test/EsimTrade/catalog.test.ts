import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode } from 'n8n-workflow';

import { EsimTrade } from '../../nodes/EsimTrade/EsimTrade.node';
import { plan, TRADE_TYPE, tradeFixture, type TradeFixture } from '../helpers/trade';

describe('eSIMTrade plans, wallet and account', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	it('gets the wallet balance', async () => {
		const { items } = await f.run({ resource: 'wallet', operation: 'getBalance' });
		expect(items[0].json).toMatchObject({ walletBalanceCents: f.sandbox.trade.walletCents });
		expect(items[0].json.balanceUsd).toBe(f.sandbox.trade.walletCents / 100);
	});

	it('lists plans simplified, filtered and limited', async () => {
		const all = await f.run({ resource: 'plan', operation: 'getMany', returnAll: true });
		expect(all.items.length).toBeGreaterThan(10);
		expect(Object.keys(all.items[0].json).sort()).toEqual(
			[
				'costPrice',
				'currencyCode',
				'duration',
				'durationUnit',
				'locationCode',
				'margin',
				'name',
				'price',
				'slug',
				'volume',
			].sort(),
		);
		const spain = await f.run({
			resource: 'plan',
			operation: 'getMany',
			returnAll: true,
			filters: { locationCode: 'es' },
		});
		expect(spain.items.length).toBeGreaterThan(0);
		expect(spain.items.every((i) => i.json.locationCode === 'ES')).toBe(true);
		const cheap = await f.run({
			resource: 'plan',
			operation: 'getMany',
			returnAll: true,
			filters: { maxPrice: 3 },
		});
		expect(cheap.items.every((i) => Number(i.json.price) <= 3)).toBe(true);
		const full = await f.run({
			resource: 'plan',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
			simplify: false,
		});
		expect(full.items).toHaveLength(2);
		expect(full.items[0].json.pricing).toBeDefined();
	});

	it('gets one plan by slug, from the list or typed', async () => {
		const listed = await f.run({ resource: 'plan', operation: 'get', plan: plan('ES_3_30') });
		expect(listed.items[0].json).toMatchObject({ slug: 'ES_3_30', name: 'Spain 3GB 30Days' });
		const typed = await f.run({
			resource: 'plan',
			operation: 'get',
			plan: { __rl: true, mode: 'id', value: 'PK_0.5_Daily' },
		});
		expect(typed.items[0].json.slug).toBe('PK_0.5_Daily');
		const missing = await f.run({ resource: 'plan', operation: 'get', plan: plan('NOPE_1') });
		expect(missing.error!.httpCode).toBe('404');
		expect(missing.error!.message).toBe('Plan "NOPE_1" was not found at eSIMTrade');
	});

	it('offers plans in the searchable picker', async () => {
		const node: INode = {
			id: 'n',
			name: 'eSIMTrade',
			type: TRADE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: f.harness.nodeTypes,
		});
		const context = new LoadOptionsContext(workflow, node, f.harness.additionalData, '');
		const { results } = await new EsimTrade().methods.listSearch.searchPlans.call(context, 'spain');
		expect(results.length).toBeGreaterThan(0);
		expect(results.every((r) => /spain/i.test(r.name))).toBe(true);
		expect(results.map((r) => r.value)).toContain('ES_3_30');
	});

	it('reads and updates the profile, and reads metrics', async () => {
		const profile = await f.run({ resource: 'account', operation: 'getProfile' });
		expect(profile.items[0].json).toMatchObject({ role: 'reseller', status: 'approved' });
		const updated = await f.run({
			resource: 'account',
			operation: 'updateProfile',
			updateFields: {
				companyName: 'Example Telecom',
				country: 'jp',
				website: 'https://example.com',
			},
		});
		expect(updated.items[0].json).toMatchObject({
			companyName: 'Example Telecom',
			country: 'JP',
			website: 'https://example.com',
		});
		const metrics = await f.run({ resource: 'account', operation: 'getMetrics', range: '7d' });
		expect(metrics.items[0].json).toMatchObject({ range: '7d' });
		expect(metrics.items[0].json.apiUsage).toBeDefined();
	});

	it('explains that webhook settings need the reseller portal', async () => {
		const { error } = await f.run({
			resource: 'account',
			operation: 'setWebhook',
			webhookUrl: 'https://example.com/hook',
		});
		expect(error!.message).toMatch(
			/only accepts webhook changes from a signed-in reseller portal session/,
		);
		expect(error!.description).toMatch(/Set the webhook URL in the eSIMTrade reseller portal/);
		expect(f.sandbox.log.count({ method: 'PATCH', path: '/api/v1/reseller/webhook' })).toBe(1);
	});
});
