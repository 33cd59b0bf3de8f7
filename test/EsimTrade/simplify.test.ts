import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode } from 'n8n-workflow';

import { EsimTrade } from '../../nodes/EsimTrade/EsimTrade.node';
import { TRADE_TYPE, tradeFixture, type TradeFixture } from '../helpers/trade';

const keys = (json: object) => Object.keys(json).sort();

describe('eSIMTrade Simplify and the order picker', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	it('order rows: the usual fields by default, every field with Simplify off', async () => {
		f.sandbox.trade.seedOrders(3, { status: 'got_resource' });
		const simple = await f.run({ resource: 'order', operation: 'getMany', returnAll: true });
		expect(keys(simple.items[0].json)).toEqual(
			[
				'createdAt',
				'locationCode',
				'packageName',
				'providerOrderNo',
				'quantity',
				'slug',
				'status',
				'totalSellPrice',
				'updatedAt',
			].sort(),
		);
		const full = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			simplify: false,
		});
		expect(full.items[0].json).toMatchObject({
			...simple.items[0].json,
			costPrice: expect.any(String),
			packageCode: expect.any(String),
		});
	});

	it('eSIM rows: ICCID, status and install details, without the raw provider record', async () => {
		f.sandbox.trade.seedOrders(2, { status: 'got_resource' });
		const simple = await f.run({ resource: 'esim', operation: 'getMany', returnAll: true });
		const row = simple.items[0].json;
		expect(row).toMatchObject({
			iccid: expect.stringMatching(/^\d{18,22}$/),
			activationCode: expect.stringMatching(/^LPA:1\$/),
		});
		expect(row.iosInstallUrl).toMatch(/^https:\/\/esimsetup\.apple\.com\//);
		expect(row.smdpStatus).toBeDefined();
		expect(row).not.toHaveProperty('rawOrderJson');
		expect(keys(row).length).toBeLessThanOrEqual(11);
		const full = await f.run({
			resource: 'esim',
			operation: 'getMany',
			returnAll: true,
			simplify: false,
		});
		expect(full.items[0].json.rawOrderJson).toBeDefined();
	});

	it('metrics leave out the revenue series unless Simplify is off', async () => {
		f.sandbox.trade.seedOrders(4, { status: 'got_resource' });
		const simple = await f.run({ resource: 'account', operation: 'getMetrics', range: '30d' });
		expect(simple.items[0].json).toMatchObject({
			range: '30d',
			totalOrders: expect.any(Number),
			apiUsage: expect.any(Object),
		});
		expect(simple.items[0].json).not.toHaveProperty('revenueSeries');
		const full = await f.run({
			resource: 'account',
			operation: 'getMetrics',
			range: '30d',
			simplify: false,
		});
		expect(full.items[0].json.revenueSeries).toHaveLength(30);
	});

	it('order status: activation details and state, the QR code kept, every field with Simplify off', async () => {
		const [order] = f.sandbox.trade.seedOrders(1, { status: 'got_resource' });
		const orderNo = { __rl: true, mode: 'list', value: order.orderNo };
		const simple = await f.run({
			resource: 'order',
			operation: 'getStatus',
			lookupBy: 'orderNo',
			orderNo,
			qrImage: 'render',
		});
		expect(simple.items[0].json).toMatchObject({
			orderNo: order.orderNo,
			fulfilment: 'fulfilled',
			iccid: order.esims[0].iccid,
		});
		expect(simple.items[0].json).not.toHaveProperty('imsi');
		expect(simple.items[0].binary!.qrCode.mimeType).toBe('image/png');
		const full = await f.run({
			resource: 'order',
			operation: 'getStatus',
			lookupBy: 'orderNo',
			orderNo,
			simplify: false,
		});
		expect(full.items[0].json.imsi).toBeTruthy();
	});

	it('offers the newest orders in the order picker, searchable, a page at a time', async () => {
		const seeded = f.sandbox.trade.seedOrders(150, { status: 'got_resource' });
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
		const search = new EsimTrade().methods.listSearch.searchOrders;
		const first = await search.call(context);
		expect(first.results).toHaveLength(100);
		expect(first.results[0].value).toBe(f.sandbox.trade.orders[0].orderNo);
		expect(first.paginationToken).toBe('2');
		const second = await search.call(context, undefined, first.paginationToken);
		expect(second.results).toHaveLength(50);
		expect(second.paginationToken).toBeUndefined();
		const wanted = seeded[7].orderNo;
		const found = await search.call(context, wanted);
		expect(found.results.map((r) => r.value)).toEqual([wanted]);
	});
});
