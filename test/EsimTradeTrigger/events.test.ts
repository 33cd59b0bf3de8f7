import type { IDataObject, INode } from 'n8n-workflow';

import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { TRADE_TRIGGER_TYPE, tradeFixture, type TradeFixture } from '../helpers/trade';
import { Poller } from '../helpers/poller';

function triggerNode(parameters: IDataObject): INode {
	return {
		id: 't1',
		name: 'eSIMTrade Trigger',
		type: TRADE_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
	};
}

describe('eSIMTrade Trigger events', () => {
	let f: TradeFixture;
	const poller = (parameters: IDataObject) =>
		new Poller(
			f.harness,
			new EsimTradeTrigger(),
			triggerNode(parameters),
			() => new EsimTradeTrigger(),
		);

	beforeAll(async () => {
		// Orders change status only when a test says so.
		f = await tradeFixture({ trade: { fulfilmentDelayMs: 3_600_000 } });
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	it('first activation records a baseline and emits nothing; later changes are emitted once', async () => {
		const orders = f.sandbox.trade.seedOrders(150, { status: 'processing' });
		const p = poller({ event: 'statusChanged' });
		expect(await p.poll()).toEqual([]);
		f.sandbox.trade.setOrderStatus(orders[10].orderNo, 'got_resource');
		const events = await p.poll();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			event: 'statusChanged',
			providerOrderNo: orders[10].orderNo,
			previousStatus: 'processing',
			status: 'got_resource',
			eventId: `statusChanged:${orders[10].orderNo}:processing>got_resource`,
		});
		expect(Date.parse(String(events[0].changedAt))).not.toBeNaN();
		expect(await p.poll()).toEqual([]);
	});

	it('A→B→C between polls is one event from the last status seen to the latest', async () => {
		const [order] = f.sandbox.trade.seedOrders(1, { status: 'processing' });
		const p = poller({ event: 'statusChanged' });
		await p.poll();
		f.sandbox.trade.setOrderStatus(order.orderNo, 'got_resource');
		f.sandbox.trade.setOrderStatus(order.orderNo, 'in_use');
		const events = await p.poll();
		expect(events.map((e) => [e.previousStatus, e.status])).toEqual([['processing', 'in_use']]);
	});

	it('new orders are reported with previousStatus null, also on their own event', async () => {
		f.sandbox.trade.seedOrders(5);
		const all = poller({ event: 'statusChanged' });
		const fresh = poller({ event: 'newOrder' });
		await all.poll();
		await fresh.poll();
		const created = f.sandbox.trade.seedOrders(3, { status: 'processing' });
		const changed = await all.poll();
		const added = await fresh.poll();
		expect(changed.map((e) => e.providerOrderNo).sort()).toEqual(
			created.map((o) => o.orderNo).sort(),
		);
		expect(changed.every((e) => e.previousStatus === null)).toBe(true);
		expect(added.map((e) => e.event)).toEqual(['newOrder', 'newOrder', 'newOrder']);
		expect(await fresh.poll()).toEqual([]);
	});

	it('"Emit Existing" reports what exists on the first poll', async () => {
		f.sandbox.trade.seedOrders(7);
		expect(await poller({ event: 'newOrder', emitExisting: true }).poll()).toHaveLength(7);
	});

	it('only chosen statuses are reported', async () => {
		const orders = f.sandbox.trade.seedOrders(2, { status: 'processing' });
		const p = poller({ event: 'statusChanged', statuses: ['cancel'] });
		await p.poll();
		f.sandbox.trade.setOrderStatus(orders[0].orderNo, 'got_resource');
		f.sandbox.trade.setOrderStatus(orders[1].orderNo, 'cancel');
		const events = await p.poll();
		expect(events.map((e) => e.providerOrderNo)).toEqual([orders[1].orderNo]);
	});

	it('order fulfilled carries activation details and the QR code; order failed fires on cancel', async () => {
		const orders = f.sandbox.trade.seedOrders(2, { status: 'processing' });
		const fulfilled = poller({ event: 'fulfilled' });
		const failed = poller({ event: 'failed' });
		await fulfilled.poll();
		await failed.poll();
		f.sandbox.trade.setOrderStatus(orders[0].orderNo, 'got_resource');
		f.sandbox.trade.setOrderStatus(orders[1].orderNo, 'cancel');
		const [done] = await fulfilled.poll();
		expect(done).toMatchObject({ providerOrderNo: orders[0].orderNo, status: 'got_resource' });
		expect(String(done.activationCode)).toMatch(/^LPA:1\$/);
		expect(done.iccid).toBeTruthy();
		const [lost] = await failed.poll();
		expect(lost).toMatchObject({
			providerOrderNo: orders[1].orderNo,
			previousStatus: 'processing',
			status: 'cancel',
		});
		expect(await fulfilled.poll()).toEqual([]);
	});

	it('eSIM status changes are tracked by ICCID', async () => {
		const [order] = f.sandbox.trade.seedOrders(1, { status: 'got_resource' });
		const p = poller({ event: 'esimStatusChanged' });
		await p.poll();
		f.sandbox.trade.setOrderStatus(order.orderNo, 'in_use');
		const events = await p.poll();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			iccid: order.esims[0].iccid,
			previousStatus: 'got_resource',
			status: 'in_use',
		});
	});

	it('"Fetch Test Event" returns a sample and leaves the stored state alone', async () => {
		f.sandbox.trade.seedOrders(3, { status: 'processing' });
		const p = poller({ event: 'statusChanged' });
		await p.poll();
		const before = JSON.stringify(p.staticData);
		const { items, staticData } = await p.manual();
		expect(items).toHaveLength(1);
		expect(JSON.stringify(staticData)).toBe(before);
	});

	it('a failing poll throws a clear error, keeps the state, and the next poll catches up', async () => {
		const [order] = f.sandbox.trade.seedOrders(1, { status: 'processing' });
		const p = poller({ event: 'statusChanged' });
		await p.poll();
		const before = JSON.stringify(p.staticData);
		f.sandbox.trade.setOrderStatus(order.orderNo, 'got_resource');
		f.sandbox.faults.addRule({ route: 'GET /api/v1/reseller/orders', kind: '5xx', count: 6 });
		await expect(p.poll()).rejects.toThrow(/eSIMTrade had a server error \(503\)/);
		expect(JSON.stringify(p.staticData)).toBe(before);
		const events = await p.poll();
		expect(events.map((e) => e.status)).toEqual(['got_resource']);
	}, 30_000);

	it('wallet balance below threshold fires once per crossing and re-arms', async () => {
		const p = poller({ event: 'balanceLow', threshold: 50 });
		f.sandbox.trade.setWallet(10_000);
		expect(await p.poll()).toEqual([]);
		f.sandbox.trade.setWallet(4_000);
		const [event] = await p.poll();
		expect(event).toMatchObject({ event: 'balanceLow', balance: 40, threshold: 50 });
		expect(await p.poll()).toEqual([]);
		f.sandbox.trade.setWallet(6_000);
		expect(await p.poll()).toEqual([]);
		f.sandbox.trade.setWallet(1_000);
		expect(await p.poll()).toHaveLength(1);
	});

	it('data usage crossing fires once per eSIM', async () => {
		const orders = f.sandbox.trade.seedOrders(3, { status: 'in_use' });
		const p = poller({ event: 'usageCrossed', usagePercent: 80, maxWatched: 10 });
		expect(await p.poll()).toEqual([]);
		const order = orders[1];
		// More than any plan's data volume: certainly past 80 %.
		f.sandbox.trade.setOrderStatus(order.orderNo, 'in_use', { orderUsage: 1024 ** 4 });
		const events = await p.poll();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ iccid: order.esims[0].iccid, threshold: 80 });
		expect(Number(events[0].usagePercent)).toBeGreaterThanOrEqual(80);
		expect(await p.poll()).toEqual([]);
		expect(f.sandbox.log.count({ path: '/api/v1/portal/orders' })).toBeGreaterThan(0);
	});

	it('a no-change poll costs one request per watched status list plus one for new orders', async () => {
		f.sandbox.trade.seedOrders(2000, { status: 'used_up' });
		f.sandbox.trade.seedOrders(100, { status: 'in_use' });
		const p = poller({ event: 'statusChanged' });
		await p.poll();
		f.sandbox.log.clear();
		expect(await p.poll()).toEqual([]);
		expect(f.sandbox.log.count({ provider: 'trade' })).toBe(2);
		expect(p.stateBytes()).toBeLessThan(8_000);
	});
});
