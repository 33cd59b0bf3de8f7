import type { ServerResponse } from 'node:http';
import type { IDataObject, INode } from 'n8n-workflow';

import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { luhnDigit } from '../../nodes/shared/esim/iccid';
import { Poller } from '../../test/helpers/poller';
import { runTrade, TRADE_TRIGGER_TYPE, tradeHarness } from '../../test/helpers/trade';
import { checkoutOf, distributeAt } from './nodes';
import { hostileServer, sendJson, type HostileServer } from './server';

/** A 19-digit ICCID with its Luhn check digit, like eSIMTrade's. */
const ICCID = `894801000009539980${luhnDigit('894801000009539980')}`;
const LPA = 'LPA:1$smdp.example.test$MATCH-1';
const CONTINUE = { continueOnFail: true };

/** JSON text as the provider writes it: `raw` is pasted in as it is (e.g. an ICCID as a bare number). */
function sendText(res: ServerResponse, status: number, text: string): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(text);
}

/** An eSIMTrade look-alike whose sync record (`GET /portal/orders`) and lists are JSON text the test writes. */
async function tradeLookalike(provider: {
	sync: () => string;
	orders?: () => IDataObject[];
	esims?: () => string;
}): Promise<HostileServer & { baseUrl: string }> {
	const server = await hostileServer((req, res) => {
		const path = req.path.replace(/^\/api\/v1/, '');
		if (req.method === 'POST' && path === '/portal/order')
			return sendJson(res, 200, { data: { orderNo: 'B26010100000001' } });
		if (req.method === 'GET' && path === '/portal/orders')
			return sendText(res, 200, `{"data":${provider.sync()}}`);
		if (req.method === 'GET' && path === '/reseller/orders') {
			const rows = provider.orders?.() ?? [];
			return sendJson(res, 200, { page: 1, pageSize: 100, total: rows.length, orders: rows });
		}
		if (req.method === 'GET' && path === '/reseller/esims')
			return sendText(
				res,
				200,
				`{"page":1,"pageSize":100,"total":1,"esims":${provider.esims?.()}}`,
			);
		return sendJson(res, 404, { error: 'Not found' });
	});
	return { ...server, baseUrl: `${server.url}/api/v1` };
}

const buy = {
	resource: 'order',
	operation: 'create',
	plan: { __rl: true, mode: 'id', value: 'JP_1_7' },
	quantity: 1,
	idempotencyKey: 'shop-1001-1',
	waitForFulfilment: true,
	options: { waitTimeout: 2 },
};
const getStatus = (extra: IDataObject = {}) => ({
	resource: 'order',
	operation: 'getStatus',
	lookupBy: 'orderNo',
	orderNo: { __rl: true, mode: 'id', value: 'B26010100000001' },
	qrImage: 'render',
	simplify: false,
	...extra,
});
const syncCalls = (server: HostileServer) =>
	server.received.filter((req) => req.path.endsWith('/portal/orders')).length;

describe('eSIMTrade: an unknown status is never fulfilled, and fulfilled needs the ICCID and activation code', () => {
	let server: (HostileServer & { baseUrl: string }) | undefined;
	afterEach(async () => await server?.close());

	it('a purchase whose eSIM reports a status the node does not know keeps waiting, then says "unknown" and gives out nothing', async () => {
		server = await tradeLookalike({
			sync: () => JSON.stringify({ status: 'SUSPENDED_BY_OPERATOR', iccid: ICCID, ac: LPA }),
		});
		const { status, items } = await runTrade(tradeHarness(server.baseUrl), buy);
		const json = items[0]?.json ?? {};
		process.stdout.write(
			`unknown status: ${syncCalls(server)} reads, fulfilment ${String(json.fulfilment)}, binary ${Boolean(items[0]?.binary)}\n`,
		);
		expect(status).toBe('success');
		expect(json).toMatchObject({
			fulfilment: 'unknown',
			status: 'SUSPENDED_BY_OPERATOR',
			iccid: ICCID,
		});
		expect(String(json.fulfilmentNote)).toMatch(
			/"SUSPENDED_BY_OPERATOR", which this node does not know/,
		);
		expect(json.activationCode).toBeUndefined();
		expect(json.iosInstallUrl).toBeUndefined();
		expect(items[0].binary).toBeUndefined();
		expect(syncCalls(server)).toBeGreaterThan(1);
	});

	it('a "got resource" eSIM without an activation code is not fulfilled: the wait goes on to its bound', async () => {
		server = await tradeLookalike({
			sync: () => JSON.stringify({ status: 'GOT_RESOURCE', iccid: ICCID }),
		});
		const { items } = await runTrade(tradeHarness(server.baseUrl), buy);
		const json = items[0]?.json ?? {};
		process.stdout.write(
			`no activation code: ${syncCalls(server)} reads, fulfilment ${String(json.fulfilment)}\n`,
		);
		expect(json.fulfilment).toBe('timedOut');
		expect(String(json.fulfilmentNote)).toMatch(/has not sent the ICCID and activation code/);
		expect(items[0].binary).toBeUndefined();
		expect(syncCalls(server)).toBeGreaterThan(1);
	});

	it('Get Status of an order in an unknown status outputs "unknown" with the raw status and no QR code', async () => {
		server = await tradeLookalike({
			sync: () => JSON.stringify({ esimStatus: 'PORTED_OUT', iccid: ICCID, ac: LPA }),
		});
		const { items } = await runTrade(tradeHarness(server.baseUrl), getStatus());
		expect(items[0].json).toMatchObject({ fulfilment: 'unknown', status: 'PORTED_OUT' });
		expect(items[0].json.activationCode).toBeUndefined();
		expect(items[0].binary).toBeUndefined();
	});
});

describe('eSIMTrade: every ICCID passes the same checks, whoever sends it', () => {
	let server: (HostileServer & { baseUrl: string }) | undefined;
	afterEach(async () => await server?.close());

	it('an ICCID the provider sends as a JSON number beyond 2^53 is refused, never output with lost digits', async () => {
		server = await tradeLookalike({
			sync: () =>
				`{"orderNo":"B26010100000001","status":"GOT_RESOURCE","iccid":${ICCID},"ac":"${LPA}"}`,
		});
		const { items } = await runTrade(tradeHarness(server.baseUrl), getStatus(), [{}], CONTINUE);
		const json = items[0].json;
		process.stdout.write(`ICCID as a number: ${JSON.stringify(json.error ?? json.iccid)}\n`);
		expect(String(json.error)).toMatch(/ICCID arrived as a number, not as text/);
		expect(String(json.description)).toMatch(
			/not output, so that no customer is given a wrong ICCID/,
		);
		expect(JSON.stringify(items)).not.toContain(String(Number(ICCID)).slice(0, 15));
	});

	it('the same number inside a purchase stops the wait at once with the order number in the error', async () => {
		server = await tradeLookalike({
			sync: () => `{"status":"GOT_RESOURCE","iccid":${ICCID},"ac":"${LPA}"}`,
		});
		const { items } = await runTrade(tradeHarness(server.baseUrl), buy, [{}], CONTINUE);
		expect(String(items[0].json.error)).toMatch(/ICCID arrived as a number/);
		expect(String(items[0].json.description)).toMatch(
			/order B26010100000001 was placed: look it up in the provider's portal and do not buy again/,
		);
		expect(syncCalls(server)).toBe(1);
	});

	it('an ICCID with a wrong check digit from the provider is refused', async () => {
		const wrong = `${ICCID.slice(0, -1)}${(Number(ICCID.slice(-1)) + 1) % 10}`;
		server = await tradeLookalike({
			sync: () => JSON.stringify({ status: 'GOT_RESOURCE', iccid: wrong, ac: LPA }),
		});
		const { items } = await runTrade(tradeHarness(server.baseUrl), getStatus(), [{}], CONTINUE);
		expect(String(items[0].json.error)).toMatch(/ICCID has a wrong check digit/);
		expect(JSON.stringify(items[0].json)).not.toContain(`"iccid":"${wrong}"`);
	});

	it('Get Many eSIMs refuses a row whose raw ICCID is a number', async () => {
		server = await tradeLookalike({
			sync: () => '{}',
			esims: () =>
				`[{"providerOrderNo":"B1","status":"got_resource","rawOrderJson":{"iccid":${ICCID}}}]`,
		});
		const { items } = await runTrade(
			tradeHarness(server.baseUrl),
			{ resource: 'esim', operation: 'getMany', returnAll: true, simplify: false },
			[{}],
			CONTINUE,
		);
		expect(String(items[0].json.error)).toMatch(/ICCID arrived as a number/);
		expect(items[0].json.rawOrderJson).toBeUndefined();
	});

	it('Order Get Status by ICCID checks the Luhn digit before anything is sent', async () => {
		server = await tradeLookalike({ sync: () => '{}' });
		const { status, error } = await runTrade(
			tradeHarness(server.baseUrl),
			getStatus({ lookupBy: 'iccid', iccid: '8944501234567890123' }),
		);
		expect(status).toBe('error');
		expect(error?.message).toMatch(/^ICCID: has a wrong check digit/);
		expect(server.received).toHaveLength(0);
	});
});

const triggerNode: INode = {
	id: 't1',
	name: 'eSIMTrade Trigger',
	type: TRADE_TRIGGER_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: { event: 'fulfilled', qrImage: 'none' },
	credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
};

describe('eSIMTrade Trigger: "fulfilled" waits for a known status and the eSIM details', () => {
	let server: (HostileServer & { baseUrl: string }) | undefined;
	afterEach(async () => await server?.close());

	it('an unknown status is followed, not reported; "got_resource" without details is held back until they come', async () => {
		const row = { providerOrderNo: 'B26010100000001', slug: 'JP_1_7', status: 'processing' };
		let sync: IDataObject = { status: 'GOT_RESOURCE' };
		server = await tradeLookalike({ sync: () => JSON.stringify(sync), orders: () => [row] });
		const p = new Poller(
			tradeHarness(server.baseUrl),
			new EsimTradeTrigger(),
			triggerNode,
			() => new EsimTradeTrigger(),
		);
		expect(await p.poll()).toEqual([]);
		row.status = 'on_hold_review';
		const unknown = await p.poll();
		row.status = 'got_resource';
		const withoutDetails = await p.poll();
		sync = { status: 'GOT_RESOURCE', iccid: ICCID, ac: LPA };
		const complete = await p.poll();
		const after = await p.poll();
		process.stdout.write(
			`trigger: unknown ${unknown.length}, without details ${withoutDetails.length}, complete ${complete.length}, after ${after.length}\n`,
		);
		expect(unknown).toEqual([]);
		expect(withoutDetails).toEqual([]);
		expect(complete).toHaveLength(1);
		expect(complete[0]).toMatchObject({ event: 'fulfilled', iccid: ICCID, activationCode: LPA });
		expect(after).toEqual([]);
	});
});

describe('eSIM Distribute: an unknown order status is never fulfilled; ICCIDs are checked', () => {
	let server: HostileServer | undefined;
	afterEach(async () => await server?.close());

	async function distribute(orderText: () => string): Promise<HostileServer> {
		return await hostileServer((req, res) => {
			if (req.method === 'POST' && req.path === '/api/tenant/login')
				return sendJson(res, 200, { success: true, data: { token: 'hostile-token' } });
			if (req.method === 'GET' && req.path === '/api/tenant/orders/ord-1')
				return sendText(res, 200, `{"success":true,"data":${orderText()}}`);
			if (req.method === 'POST' && req.path === '/api/tenant/orders/checkout')
				return sendJson(res, 200, {
					success: true,
					data: { orders: [{ id: 'ord-1', status: 'pending' }] },
				});
			if (req.method === 'GET' && req.path === '/api/tenant/orders')
				return sendText(res, 200, `{"success":true,"data":{"orders":[${orderText()}]}}`);
			return sendJson(res, 404, { success: false, message: 'Not found' });
		});
	}
	const get = {
		resource: 'order',
		operation: 'get',
		order: { __rl: true, mode: 'id', value: 'ord-1' },
	};
	const esim = (iccid: string) =>
		`{"iccid":${iccid},"activationCode":"${LPA}","qrCodeUrl":"https://qr.example.test/1.png"}`;

	it('Order Get: status "on_hold" is "unknown", with no activation details and no QR code', async () => {
		server = await distribute(
			() => `{"id":"ord-1","status":"on_hold","esims":[${esim(`"${ICCID}"`)}]}`,
		);
		const { items } = await distributeAt(server.url).run(get);
		process.stdout.write(`eSIM Distribute on_hold: ${String(items[0].json.fulfilment)}\n`);
		expect(items[0].json).toMatchObject({ fulfilment: 'unknown', status: 'on_hold', iccid: ICCID });
		expect(items[0].json.activationCode).toBeUndefined();
		expect(items[0].binary).toBeUndefined();
	});

	it('Order Get: "completed" with an eSIM that has no activation code is still pending', async () => {
		server = await distribute(
			() => `{"id":"ord-1","status":"completed","esims":[{"iccid":"${ICCID}"}]}`,
		);
		const { items } = await distributeAt(server.url).run(get);
		expect(items[0].json.fulfilment).toBe('pending');
		expect(items[0].binary).toBeUndefined();
	});

	it('Order Get: an ICCID sent as a JSON number is refused', async () => {
		server = await distribute(() => `{"id":"ord-1","status":"completed","esims":[${esim(ICCID)}]}`);
		const { items } = await distributeAt(server.url).run(get, [{}], CONTINUE);
		expect(String(items[0].json.error)).toMatch(/ICCID arrived as a number/);
		expect(items[0].binary).toBeUndefined();
	});

	it('Order Get Many (not simplified) refuses an order whose eSIM ICCID is a number: no output carries such an ICCID', async () => {
		server = await distribute(() => `{"id":"ord-1","status":"completed","esims":[${esim(ICCID)}]}`);
		const { items } = await distributeAt(server.url).run(
			{ resource: 'order', operation: 'getMany', returnAll: true, simplify: false },
			[{}],
			CONTINUE,
		);
		process.stdout.write(`Get Many with a number ICCID: ${JSON.stringify(items[0].json.error)}\n`);
		expect(String(items[0].json.error)).toMatch(
			/ICCID arrived as a number.* in the field "esims\.0\.iccid"/,
		);
		expect(items[0].json.esims).toBeUndefined();
	});

	it('Checkout: an order in an unknown status is waited on within the bound, then output as "unknown" without activation details', async () => {
		server = await distribute(
			() => `{"id":"ord-1","status":"awaiting_kyc","esims":[${esim(`"${ICCID}"`)}]}`,
		);
		const { status, items } = await distributeAt(server.url).run(
			checkoutOf('buyer@example.com', { waitForFulfilment: true, options: { waitTimeout: 2 } }),
		);
		const reads = server.received.filter((req) => req.path === '/api/tenant/orders/ord-1').length;
		process.stdout.write(
			`checkout, unknown status: ${reads} reads, ${String(items[0]?.json.fulfilment)}\n`,
		);
		expect(status).toBe('success');
		expect(items[0].json).toMatchObject({
			fulfilment: 'unknown',
			status: 'awaiting_kyc',
			iccid: ICCID,
		});
		expect(items[0].json.activationCode).toBeUndefined();
		expect(items[0].binary).toBeUndefined();
		expect(reads).toBeGreaterThan(1);
	});
});
