import type { IDataObject, INode } from 'n8n-workflow';

import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { MAX_ID_LENGTH, MAX_STATUSES, MAX_TRACKED } from '../../nodes/shared/trigger/bounds';
import { Poller } from '../../test/helpers/poller';
import { TRADE_TRIGGER_TYPE, tradeHarness } from '../../test/helpers/trade';
import { hostileServer, sendJson, type HostileServer } from './server';

interface Row {
	providerOrderNo: string;
	status: string;
}

/** An order list whose ids and statuses the test chooses, newest first, filtered by `status` and `q` like eSIMTrade's. */
async function orderList(rows: Row[]): Promise<HostileServer> {
	return await hostileServer((req, res) => {
		if (!req.path.endsWith('/reseller/orders')) return sendJson(res, 404, { error: 'Not found' });
		const status = req.query.get('status');
		const q = req.query.get('q');
		const matching = rows.filter(
			(row) =>
				(!status || row.status.toLowerCase() === status) && (!q || row.providerOrderNo === q),
		);
		const page = Number(req.query.get('page') ?? 1);
		const size = Number(req.query.get('pageSize') ?? 20);
		sendJson(res, 200, {
			page,
			pageSize: size,
			total: matching.length,
			orders: matching.slice((page - 1) * size, page * size),
		});
	});
}

const node = (event: string): INode => ({
	id: 't1',
	name: 'eSIMTrade Trigger',
	type: TRADE_TRIGGER_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: { event },
	credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
});

describe('eSIMTrade Trigger: state survives hostile order ids and stays bounded', () => {
	let server: HostileServer | undefined;
	afterEach(async () => await server?.close());
	const poller = (event: string) =>
		new Poller(
			tradeHarness(server!.url + '/api/v1'),
			new EsimTradeTrigger(),
			node(event),
			() => new EsimTradeTrigger(),
		);

	it('__proto__, constructor and friends are tracked like any other id', async () => {
		const names = [
			'__proto__',
			'constructor',
			'toString',
			'hasOwnProperty',
			'valueOf',
			'B26010100000001',
		];
		const rows: Row[] = names.map((id) => ({ providerOrderNo: id, status: 'processing' }));
		server = await orderList(rows);
		const p = poller('statusChanged');
		expect(await p.poll()).toEqual([]);
		const quiet: IDataObject[][] = [];
		for (let n = 0; n < 3; n++) quiet.push(await p.poll());
		process.stdout.write(
			`hostile ids, 3 polls without changes: ${quiet.flat().length} events (${JSON.stringify(quiet.flat().map((e) => e.providerOrderNo))})\n`,
		);
		expect(quiet.flat()).toEqual([]);
		for (const row of rows) row.status = 'got_resource';
		const events = await p.poll();
		expect(events.map((e) => [e.providerOrderNo, e.previousStatus, e.status]).sort()).toEqual(
			names.map((id) => [id, 'processing', 'got_resource']).sort(),
		);
		expect(await p.poll()).toEqual([]);
		p.restart();
		expect(await p.poll()).toEqual([]);
	});

	it('new orders with hostile ids are each reported once', async () => {
		const rows: Row[] = [{ providerOrderNo: 'B1', status: 'processing' }];
		server = await orderList(rows);
		const p = poller('newOrder');
		expect(await p.poll()).toEqual([]);
		rows.unshift(
			{ providerOrderNo: '__proto__', status: 'processing' },
			{ providerOrderNo: 'constructor', status: 'processing' },
		);
		expect((await p.poll()).map((e) => e.providerOrderNo)).toEqual(['__proto__', 'constructor']);
		expect(await p.poll()).toEqual([]);
		expect(await p.poll()).toEqual([]);
	});

	it('overlong ids, endless statuses and too many orders are bounded, and the output says so', async () => {
		const rows: Row[] = [{ providerOrderNo: 'B0', status: 'processing' }];
		server = await orderList(rows);
		const p = poller('statusChanged');
		expect(await p.poll()).toEqual([]);
		for (let n = 0; n < MAX_TRACKED; n++)
			rows.unshift({ providerOrderNo: `N${n}`, status: 'processing' });
		for (let n = 0; n < 100; n++)
			rows.unshift({ providerOrderNo: `L${n}-${'x'.repeat(5000)}`, status: 'processing' });
		for (let n = 0; n < MAX_STATUSES + 20; n++)
			rows.unshift({ providerOrderNo: `S${n}`, status: `status_${n}` });
		const events = await p.poll();
		const tracker = Object.values(p.staticData)
			.map((data) => (data as IDataObject).tracker)
			.find(Boolean) as { known: Record<string, string> } | undefined;
		const known = Object.keys(tracker?.known ?? {});
		const statuses = new Set(Object.values(tracker?.known ?? {}));
		process.stdout.write(
			`bounds: ${events.length} events, state ${p.stateBytes()} bytes, ${known.length} tracked, ${statuses.size} statuses, longest id ${Math.max(...known.map((id) => id.length))}, note: ${JSON.stringify(events[0]?.trackingNote ?? null).slice(0, 120)}\n`,
		);
		expect(events.length).toBe(rows.length - 1);
		expect(known.length).toBeLessThanOrEqual(MAX_TRACKED);
		expect(statuses.size).toBeLessThanOrEqual(MAX_STATUSES);
		expect(Math.max(...known.map((id) => id.length))).toBeLessThanOrEqual(MAX_ID_LENGTH);
		expect(String(events[0].trackingNote)).toMatch(/longer than 200 characters/);
		expect(String(events[0].trackingNote)).toMatch(/different statuses/);
		expect(String(events[0].trackingNote)).toMatch(/already follows 10000 records/);
	});
});
