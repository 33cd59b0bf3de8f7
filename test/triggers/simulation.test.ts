import type { IDataObject, INode } from 'n8n-workflow';

import { EsimDistributeApi } from '../../credentials/EsimDistributeApi.credentials';
import { EsimDistributeTrigger } from '../../nodes/EsimDistribute/EsimDistributeTrigger.node';
import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { createHarness } from '../harness/run';
import { Poller } from '../helpers/poller';
import { simulate, type SimulatedProvider, type SimulationReport } from '../helpers/simulation';
import { TRADE_TRIGGER_TYPE, tradeFixture, type TradeFixture } from '../helpers/trade';

const TARGET = Number(process.env.SIM_TRANSITIONS ?? 10_000);
const YEAR = 365 * 24 * 3_600_000;

function triggerNode(type: string, credential: string, parameters: IDataObject): INode {
	return {
		id: 'sim',
		name: 'Trigger',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { [credential]: { id: `cred-${credential}`, name: credential } },
	};
}

function check(name: string, report: SimulationReport): void {
	process.stdout.write(
		`${name} trigger simulation: ${report.transitions} transitions, ${report.rounds} rounds, ${report.restarts} restarts, ` +
			`${report.failures} failed polls, ${report.orders} orders (${report.tracked} open), ${report.idleRequests} requests per ` +
			`no-change poll, max ${report.maxRequests} per poll, state max ${report.maxStateBytes} bytes\n`,
	);
	expect(report.mismatches.slice(0, 5)).toEqual([]);
	expect(report.duplicates).toBe(0);
	expect(report.transitions).toBeGreaterThanOrEqual(TARGET);
	expect(report.restarts).toBe(5);
	expect(report.failures).toBe(6);
	// O(open orders + a few recent ids): about 40 bytes per open order plus a small head.
	expect(report.maxStateBytes).toBeLessThan(2_000 + 60 * Math.max(600, report.tracked));
}

describe('Triggers: 10,000 transitions with restarts and failed polls, every change exactly once', () => {
	it('eSIMTrade', async () => {
		const f = await tradeFixture({ trade: { fulfilmentDelayMs: YEAR } });
		try {
			const report = await simulate(
				{
					name: 'eSIMTrade',
					next: {
						processing: ['got_resource', 'got_resource', 'got_resource', 'cancel'],
						got_resource: ['in_use', 'in_use', 'unused_expired'],
						in_use: ['used_up', 'used_expired'],
					},
					openStatuses: 3,
					idField: 'providerOrderNo',
					listRoute: 'GET /api/v1/reseller/orders',
					seed: (n, status) =>
						f.sandbox.trade.seedOrders(n, { status }).map((o) => ({ id: o.orderNo })),
					orders: () => f.sandbox.trade.orderList.map((o) => ({ id: o.orderNo, status: o.status })),
					setStatus: (id, status) => f.sandbox.trade.setOrderStatus(id, status),
					trigger: () => new EsimTradeTrigger(),
					node: triggerNode(TRADE_TRIGGER_TYPE, 'esimTradeApi', { event: 'statusChanged' }),
					harness: f.harness,
					sandbox: f.sandbox,
				} satisfies SimulatedProvider,
				TARGET,
				150,
				3000,
			);
			check('eSIMTrade', report);
			// One page for new orders, then each open status list, 100 orders a page.
			expect(report.idleRequests).toBeLessThanOrEqual(1 + 3 + Math.ceil(report.tracked / 100));
		} finally {
			await f.close();
		}
	}, 240_000);

	it('eSIM Distribute', async () => {
		const sandbox: Sandbox = await startSandbox({ port: 0 });
		try {
			sandbox.distribute.setFulfilment({ delayMs: YEAR });
			const type = 'n8n-nodes-esim.esimDistributeTrigger';
			const { email, password } = sandbox.distribute.demoCredentials;
			const harness = createHarness(
				{ [type]: new EsimDistributeTrigger() },
				[new EsimDistributeApi()],
				{
					esimDistributeApi: {
						email,
						password,
						baseUrl: sandbox.distributeBaseUrl,
						sessionToken: '',
					},
				},
			);
			const report = await simulate(
				{
					name: 'eSIM Distribute',
					next: {
						pending: ['processing', 'processing', 'failed'],
						processing: ['completed', 'completed', 'failed', 'refunded'],
					},
					openStatuses: 2,
					idField: 'id',
					listRoute: 'GET /api/tenant/orders',
					seed: (n, status) => {
						// Seeded orders are dated back from the simulator's clock: move it on so each batch is the newest.
						sandbox.distribute.advanceClock((n + 1) * 60_000);
						return sandbox.distribute
							.seedOrders(n, { status: status as never })
							.map((o) => ({ id: o.id }));
					},
					orders: () => sandbox.distribute.orders.map((o) => ({ id: o.id, status: o.status })),
					setStatus: (id, status) => void sandbox.distribute.setOrderStatus(id, status as never),
					trigger: () => new EsimDistributeTrigger(),
					node: triggerNode(type, 'esimDistributeApi', { event: 'statusChanged' }),
					harness,
					sandbox,
				},
				TARGET,
				150,
				3000,
			);
			check('eSIM Distribute', report);
			expect(report.idleRequests).toBeLessThanOrEqual(1 + 2 + Math.ceil(report.tracked / 100));
		} finally {
			await sandbox.close();
		}
	}, 240_000);
});

describe('eSIMTrade Trigger: a large backlog drains within the poll budget', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture({ trade: { fulfilmentDelayMs: YEAR } });
	});
	afterAll(async () => await f.close());

	it('without loss or repeats', async () => {
		const trade = f.sandbox.trade;
		trade.seedOrders(50, { status: 'processing' });
		const node = triggerNode(TRADE_TRIGGER_TYPE, 'esimTradeApi', { event: 'newOrder' });
		const poller = new Poller(
			f.harness,
			new EsimTradeTrigger(),
			node,
			() => new EsimTradeTrigger(),
		);
		await poller.poll();
		const backlog = new Set(trade.seedOrders(6000, { status: 'processing' }).map((o) => o.orderNo));
		f.sandbox.faults.set({ latencyMs: 4 });
		const emitted: string[] = [];
		let polls = 0;
		while (emitted.length < backlog.size && polls < 100) {
			polls++;
			const events = await poller.poll(150);
			emitted.push(...events.map((e: IDataObject) => String(e.providerOrderNo)));
			if (polls === 2)
				trade.seedOrders(40, { status: 'processing' }).forEach((o) => backlog.add(o.orderNo));
		}
		f.sandbox.faults.set({ latencyMs: 0 });
		expect(polls).toBeGreaterThan(2);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(new Set(emitted)).toEqual(backlog);
		expect(await poller.poll()).toEqual([]);
	}, 120_000);
});
