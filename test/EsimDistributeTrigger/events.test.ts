import type { IDataObject, INode } from 'n8n-workflow';

import { EsimDistributeApi } from '../../credentials/EsimDistributeApi.credentials';
import { EsimDistributeTrigger } from '../../nodes/EsimDistribute/EsimDistributeTrigger.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { createHarness, type Harness } from '../harness/run';
import { Poller } from '../helpers/poller';

const TYPE = 'n8n-nodes-esim.esimDistributeTrigger';

describe('eSIM Distribute Trigger', () => {
	let sandbox: Sandbox;
	let harness: Harness;
	const poller = (parameters: IDataObject) => {
		const node: INode = {
			id: 'dt',
			name: 'eSIM Distribute Trigger',
			type: TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: parameters as INode['parameters'],
			credentials: {
				esimDistributeApi: { id: 'cred-distribute', name: 'eSIM Distribute account' },
			},
		};
		return new Poller(
			harness,
			new EsimDistributeTrigger(),
			node,
			() => new EsimDistributeTrigger(),
		);
	};

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		const { email, password } = sandbox.distribute.demoCredentials;
		harness = createHarness({ [TYPE]: new EsimDistributeTrigger() }, [new EsimDistributeApi()], {
			esimDistributeApi: { email, password, baseUrl: sandbox.distributeBaseUrl, sessionToken: '' },
		});
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		sandbox.distribute.setFulfilment({ delayMs: 3_600_000 });
	});

	it('baseline, then each status change once; A→B→C is one event', async () => {
		const orders = sandbox.distribute.seedOrders(120, { status: 'pending' });
		const p = poller({ event: 'statusChanged' });
		expect(await p.poll()).toEqual([]);
		sandbox.distribute.setOrderStatus(orders[3].id, 'processing');
		sandbox.distribute.setOrderStatus(orders[5].id, 'processing');
		sandbox.distribute.setOrderStatus(orders[5].id, 'completed');
		const events = await p.poll();
		expect(events.map((e) => [e.id, e.previousStatus, e.status]).sort()).toEqual(
			[
				[orders[3].id, 'pending', 'processing'],
				[orders[5].id, 'pending', 'completed'],
			].sort(),
		);
		expect(await p.poll()).toEqual([]);
	});

	it('new orders, fulfilled with QR details, and failed', async () => {
		const newOrders = poller({ event: 'newOrder' });
		const fulfilled = poller({ event: 'fulfilled' });
		const failed = poller({ event: 'failed' });
		for (const p of [newOrders, fulfilled, failed]) await p.poll();
		const [a, b] = sandbox.distribute.seedOrders(2, { status: 'pending' });
		expect((await newOrders.poll()).map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
		expect(await fulfilled.poll()).toEqual([]);
		expect(await failed.poll()).toEqual([]);
		sandbox.distribute.setOrderStatus(a.id, 'completed');
		sandbox.distribute.setOrderStatus(b.id, 'failed');
		const [done] = await fulfilled.poll();
		expect(done).toMatchObject({ id: a.id, status: 'completed' });
		expect(String(done.activationCode)).toMatch(/^LPA:1\$/);
		const [lost] = await failed.poll();
		expect(lost).toMatchObject({ id: b.id, previousStatus: 'pending', status: 'failed' });
	});

	it('balance below threshold fires once per crossing', async () => {
		const p = poller({ event: 'balanceLow', threshold: 100 });
		sandbox.distribute.setBalance(500);
		expect(await p.poll()).toEqual([]);
		sandbox.distribute.setBalance(50);
		expect(await p.poll()).toHaveLength(1);
		expect(await p.poll()).toEqual([]);
		sandbox.distribute.setBalance(200);
		expect(await p.poll()).toEqual([]);
		sandbox.distribute.setBalance(20);
		expect(await p.poll()).toHaveLength(1);
	});

	it('a failing poll keeps the state; manual mode never touches it; no-change polls are cheap', async () => {
		const orders = sandbox.distribute.seedOrders(30, { status: 'pending' });
		sandbox.distribute.seedOrders(500, { status: 'completed' });
		const p = poller({ event: 'statusChanged' });
		await p.poll();
		const before = JSON.stringify(p.staticData);
		const { items, staticData } = await p.manual();
		expect(items).toHaveLength(1);
		expect(JSON.stringify(staticData)).toBe(before);
		sandbox.log.clear();
		expect(await p.poll()).toEqual([]);
		expect(sandbox.log.count({ provider: 'distribute' })).toBe(2);
		// That poll dropped the activation baseline's copy (kept for durable poll cursors): the state to keep from now on.
		const settled = JSON.stringify(p.staticData);
		sandbox.distribute.setOrderStatus(orders[0].id, 'processing');
		sandbox.faults.addRule({
			route: 'GET /api/tenant/orders',
			kind: '5xx',
			count: 6,
			retryAfterSec: 0,
		});
		await expect(p.poll()).rejects.toThrow(/server error \(503\)/);
		expect(JSON.stringify(p.staticData)).toBe(settled);
		expect((await p.poll()).map((e) => e.status)).toEqual(['processing']);
		expect(p.stateBytes()).toBeLessThan(4_000);
	});
});
