import type { IDataObject, INode } from 'n8n-workflow';

import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { Poller } from '../helpers/poller';
import { TRADE_TRIGGER_TYPE, tradeFixture, type TradeFixture } from '../helpers/trade';

/** Where an order can go next; the lists end in statuses that never change again. */
const NEXT: Record<string, string[]> = {
	processing: ['got_resource', 'got_resource', 'got_resource', 'cancel'],
	got_resource: ['in_use', 'in_use', 'unused_expired'],
	in_use: ['used_up', 'used_expired'],
};

/** Deterministic random numbers (mulberry32). */
function rng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TARGET = Number(process.env.SIM_TRANSITIONS ?? 10_000);

const node: INode = {
	id: 'sim',
	name: 'eSIMTrade Trigger',
	type: TRADE_TRIGGER_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: { event: 'statusChanged' },
	credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
};

describe('eSIMTrade Trigger: 10,000 transitions, restarts and failed polls', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture({ trade: { fulfilmentDelayMs: 365 * 24 * 3_600_000 } });
	});
	afterAll(async () => await f.close());

	it('emits every change exactly once and keeps the state bounded', async () => {
		const random = rng(7);
		const trade = f.sandbox.trade;
		trade.seedOrders(3000, { status: 'used_up' });
		trade.seedOrders(150, { status: 'processing' });
		const poller = new Poller(f.harness, new EsimTradeTrigger(), node, () => new EsimTradeTrigger());
		expect(await poller.poll()).toEqual([]);

		/** Status per order as the workflow has seen it: the baseline, then every emitted event. */
		const seen = new Map(trade.orders.map((o) => [o.orderNo, o.status as string]));
		const eventIds = new Set<string>();
		let transitions = 0;
		let round = 0;
		let restarts = 0;
		let failures = 0;
		let maxState = 0;
		const requests: number[] = [];
		while (transitions < TARGET) {
			round++;
			for (const order of trade.seedOrders(Math.floor(random() * 80), { status: 'processing' })) {
				transitions++;
				expect(seen.has(order.orderNo)).toBe(false);
			}
			const live = trade.orders.filter((o) => NEXT[o.status as string]);
			for (let n = Math.floor(random() * 200); n > 0 && live.length; n--) {
				const order = live[Math.floor(random() * live.length)];
				const options = NEXT[order.status as string];
				if (!options) continue;
				trade.setOrderStatus(order.orderNo, options[Math.floor(random() * options.length)]);
				transitions++;
			}
			if (round % 6 === 0 && restarts < 5) {
				poller.restart();
				restarts++;
			}
			if (round % 5 === 0 && failures < 6) {
				const before = JSON.stringify(poller.staticData);
				f.sandbox.faults.addRule({ route: 'GET /api/v1/reseller/orders', kind: '5xx', count: 6, retryAfterSec: 0 });
				await expect(poller.poll()).rejects.toThrow(/server error \(503\)/);
				expect(JSON.stringify(poller.staticData)).toBe(before);
				failures++;
				continue;
			}
			f.sandbox.log.clear();
			const events = await poller.poll();
			requests.push(f.sandbox.log.count({ provider: 'trade' }));
			for (const event of events) {
				const id = String(event.providerOrderNo);
				expect(eventIds.has(String(event.eventId))).toBe(false);
				eventIds.add(String(event.eventId));
				expect(event.previousStatus).toBe(seen.has(id) ? seen.get(id) : null);
				seen.set(id, String(event.status));
			}
			// Nothing missed: every order is where the workflow last heard it was.
			const missed = trade.orderList.filter((order) => seen.get(order.orderNo) !== order.status);
			expect(missed.map((order) => [order.orderNo, seen.get(order.orderNo), order.status])).toEqual([]);
			maxState = Math.max(maxState, poller.stateBytes());
		}
		f.sandbox.log.clear();
		expect(await poller.poll()).toEqual([]);
		const idle = f.sandbox.log.count({ provider: 'trade' });
		const tracked = trade.orders.filter((o) => NEXT[o.status as string]).length;
		process.stdout.write(
			`trigger simulation: ${transitions} transitions, ${round} rounds, ${restarts} restarts, ${failures} failed polls, ` +
				`${trade.orders.length} orders (${tracked} tracked), ${idle} requests per no-change poll, ` +
				`max ${Math.max(...requests)} requests per poll, state max ${maxState} bytes, now ${poller.stateBytes()} bytes\n`,
		);
		expect(restarts).toBe(5);
		expect(failures).toBeGreaterThan(3);
		// O(tracked orders + a few recent ids): about 40 bytes per tracked order plus a small head.
		expect(maxState).toBeLessThan(2_000 + 60 * 600);
		// One page for new orders, then each tracked status list (3 statuses here), 100 orders a page.
		expect(idle).toBeLessThanOrEqual(1 + 3 + Math.ceil(tracked / 100));
	}, 180_000);

	it('drains a large backlog across polls within the time budget, without loss or repeats', async () => {
		f.sandbox.reset();
		const trade = f.sandbox.trade;
		trade.seedOrders(50, { status: 'processing' });
		const poller = new Poller(f.harness, new EsimTradeTrigger(), { ...node, parameters: { event: 'newOrder' } }, () => new EsimTradeTrigger());
		await poller.poll();
		const backlog = new Set(trade.seedOrders(6000, { status: 'processing' }).map((o) => o.orderNo));
		f.sandbox.faults.set({ latencyMs: 4 });
		const emitted: string[] = [];
		let polls = 0;
		while (emitted.length < backlog.size && polls < 100) {
			polls++;
			const events = await poller.poll(150);
			emitted.push(...events.map((e: IDataObject) => String(e.providerOrderNo)));
			if (polls === 2) trade.seedOrders(40, { status: 'processing' }).forEach((o) => backlog.add(o.orderNo));
		}
		f.sandbox.faults.set({ latencyMs: 0 });
		expect(polls).toBeGreaterThan(2);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(new Set(emitted)).toEqual(backlog);
		expect(await poller.poll()).toEqual([]);
	}, 120_000);
});
