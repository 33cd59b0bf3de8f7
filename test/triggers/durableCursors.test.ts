import type { IDataObject, INode, INodeType } from 'n8n-workflow';

import { EsimDistributeApi } from '../../credentials/EsimDistributeApi.credentials';
import { EsimDistributeTrigger } from '../../nodes/EsimDistribute/EsimDistributeTrigger.node';
import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { createHarness, type Harness } from '../harness/run';
import { DurablePoller } from '../helpers/durablePoller';
import { TRADE_TRIGGER_TYPE, tradeFixture, type TradeFixture } from '../helpers/trade';

const DISTRIBUTE_TYPE = 'n8n-nodes-esim.esimDistributeTrigger';

function node(
	id: string,
	type: string,
	parameters: IDataObject,
	credentials: INode['credentials'],
) {
	return {
		id,
		name: 'Trigger',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials,
	} as INode;
}

/** What the trigger keeps in the workflow's static data for the activation poll's baseline. */
const baselines = (p: DurablePoller) =>
	(p.workflowData.global as IDataObject | undefined)?.esimTriggerBaseline;

describe('polling triggers with n8n durable poll cursors', () => {
	describe('eSIMTrade Trigger', () => {
		let f: TradeFixture;
		const durable = (parameters: IDataObject, nodeType: INodeType = new EsimTradeTrigger()) =>
			new DurablePoller(
				f.harness,
				nodeType,
				node('t1', TRADE_TRIGGER_TYPE, parameters, {
					esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' },
				}),
			);
		beforeAll(async () => {
			f = await tradeFixture({ trade: { fulfilmentDelayMs: 3_600_000 } });
		});
		afterAll(async () => await f.close());
		beforeEach(() => f.sandbox.reset());

		it('a change between the activation poll and the first scheduled poll is reported once', async () => {
			const orders = f.sandbox.trade.seedOrders(120, { status: 'processing' });
			const p = durable({ event: 'statusChanged' });
			expect(await p.poll({ activation: true })).toEqual([]);
			// n8n dropped the activation poll's staged cursor; the baseline waits in the workflow's static data.
			expect(p.cursor).toEqual({});
			expect(baselines(p)).toBeDefined();
			f.sandbox.trade.setOrderStatus(orders[7].orderNo, 'got_resource');
			const events = await p.poll();
			expect(events.map((e) => [e.providerOrderNo, e.previousStatus, e.status])).toEqual([
				[orders[7].orderNo, 'processing', 'got_resource'],
			]);
			expect(await p.poll()).toEqual([]);
			// The committed cursor holds the state now, and the baseline copy is gone.
			expect(p.cursor.tracker).toBeDefined();
			f.sandbox.trade.setOrderStatus(orders[8].orderNo, 'got_resource');
			expect((await p.poll()).map((e) => e.providerOrderNo)).toEqual([orders[8].orderNo]);
			expect(baselines(p)).toBeUndefined();
		});

		it('a poll that crashes before its commit is repeated: every change once, none twice', async () => {
			const orders = f.sandbox.trade.seedOrders(30, { status: 'processing' });
			const p = durable({ event: 'statusChanged' });
			await p.poll({ activation: true });
			await p.poll();
			f.sandbox.trade.setOrderStatus(orders[1].orderNo, 'got_resource');
			f.sandbox.trade.setOrderStatus(orders[2].orderNo, 'got_resource');
			expect(await p.poll({ crash: true })).toEqual([]);
			const events = await p.poll();
			expect(events.map((e) => e.providerOrderNo).sort()).toEqual(
				[orders[1].orderNo, orders[2].orderNo].sort(),
			);
			expect(await p.poll()).toEqual([]);
		});
	});

	describe('eSIM Distribute Trigger', () => {
		let sandbox: Sandbox;
		let harness: Harness;
		const durable = (parameters: IDataObject) =>
			new DurablePoller(
				harness,
				new EsimDistributeTrigger(),
				node('d1', DISTRIBUTE_TYPE, parameters, {
					esimDistributeApi: { id: 'cred-distribute', name: 'eSIM Distribute account' },
				}),
			);
		beforeAll(async () => {
			sandbox = await startSandbox({ port: 0 });
			const { email, password } = sandbox.distribute.demoCredentials;
			harness = createHarness(
				{ [DISTRIBUTE_TYPE]: new EsimDistributeTrigger() },
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
		});
		afterAll(async () => await sandbox.close());

		it('reports a status change made right after activation once', async () => {
			const orders = sandbox.distribute.seedOrders(40, { status: 'pending' });
			const p = durable({ event: 'statusChanged' });
			await p.poll({ activation: true });
			sandbox.distribute.setOrderStatus(orders[3].id, 'completed');
			const events = await p.poll();
			expect(events.map((e) => [e.id, e.status])).toEqual([[orders[3].id, 'completed']]);
			expect(await p.poll()).toEqual([]);
		});

		it('a balance that drops right after activation fires once', async () => {
			sandbox.distribute.setBalance(500);
			const p = durable({ event: 'balanceLow', threshold: 100 });
			expect(await p.poll({ activation: true })).toEqual([]);
			sandbox.distribute.setBalance(50);
			expect(await p.poll()).toHaveLength(1);
			expect(await p.poll()).toEqual([]);
		});
	});
});
