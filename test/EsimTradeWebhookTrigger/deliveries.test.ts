import { createHmac } from 'node:crypto';

import type { IDataObject, INode } from 'n8n-workflow';

import { EsimTradeWebhookTrigger } from '../../nodes/EsimTrade/EsimTradeWebhookTrigger.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { createHarness, type Harness } from '../harness/run';
import { EsimTradeApi } from '../../credentials/EsimTradeApi.credentials';
import { drained, WebhookServer } from '../helpers/webhook';

const TYPE = 'n8n-nodes-esim.esimTradeWebhookTrigger';
const SIGNING_SECRET = 'whsec-sandbox-123';

function triggerNode(parameters: IDataObject): INode {
	return {
		id: 'w1',
		name: 'eSIMTrade Webhook Trigger',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '5b1c2d3e-0000-4000-8000-000000000016',
		parameters: { events: ['statusChanged'], ...parameters } as INode['parameters'],
		credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
	};
}

describe('eSIMTrade Webhook Trigger: deliveries over real HTTP', () => {
	let sb: Sandbox;
	let servers: WebhookServer[] = [];

	const harnessFor = (secret: string | undefined): Harness =>
		createHarness({ [TYPE]: new EsimTradeWebhookTrigger() }, [new EsimTradeApi()], {
			esimTradeApi: {
				accessCode: 'demo-access',
				secretKey: 'demo-secret',
				baseUrl: sb.tradeBaseUrl,
				...(secret ? { webhookSecret: secret } : {}),
			},
		});

	/** A webhook server for the node, and the sandbox delivering to it with these settings. */
	async function listen(
		parameters: IDataObject = {},
		{ secret = SIGNING_SECRET as string | undefined, sandbox = {} as IDataObject } = {},
	) {
		const server = await new WebhookServer(
			harnessFor(secret),
			new EsimTradeWebhookTrigger(),
			triggerNode(parameters),
		).start();
		servers.push(server);
		sb.trade.webhookUrl = server.url;
		sb.trade.webhooks.configure({ secret: SIGNING_SECRET, retryDelayMs: 20, ...sandbox });
		return server;
	}

	const settle = () => drained(() => sb.trade.webhooks.pending);

	/** Posts a body straight to the server, with the given headers. */
	async function post(server: WebhookServer, body: string, headers: Record<string, string> = {}) {
		const response = await fetch(server.url, {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json', ...headers },
		});
		return { status: response.status, body: (await response.json()) as IDataObject };
	}
	const sign = (body: string, secret = SIGNING_SECRET) => createHmac('sha256', secret).update(body);

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, trade: { fulfilmentDelayMs: 3_600_000 } });
	});
	afterAll(async () => await sb.close());
	beforeEach(() => sb.reset());
	afterEach(async () => {
		await Promise.all(servers.map((s) => s.close()));
		servers = [];
	});

	describe('signatures', () => {
		const body = JSON.stringify({
			id: 'evt_sig',
			type: 'order.status_changed',
			data: { orderNo: 'B-unknown', status: 'in_use' },
		});

		it.each([
			['sha256=<hex>', () => `sha256=${sign(body).digest('hex')}`],
			['bare hex', () => sign(body).digest('hex')],
			['base64', () => sign(body).digest('base64')],
			['URL-safe base64 with sha256=', () => `sha256=${sign(body).digest('base64url')}`],
		])('accepts %s', async (_name, signature) => {
			const server = await listen({ confirm: false });
			const response = await post(server, body, { 'x-esimtrade-signature': signature() });
			expect(response.status).toBe(200);
			expect(server.executions).toHaveLength(1);
			expect(server.events[0]).toMatchObject({
				event: 'statusChanged',
				status: 'in_use',
				delivery: { signature: 'valid' },
			});
		});

		it('unsigned and forged deliveries get 401 and start nothing', async () => {
			const server = await listen({ confirm: false });
			expect((await post(server, body)).status).toBe(401);
			expect(
				(
					await post(server, body, {
						'x-esimtrade-signature': `sha256=${sign(body, 'wrong').digest('hex')}`,
					})
				).status,
			).toBe(401);
			expect((await post(server, body, { 'x-esimtrade-signature': 'sha256=zz' })).status).toBe(401);
			// Signed, but the body changed on the way.
			const tampered = body.replace('in_use', 'revoked');
			expect(
				(await post(server, tampered, { 'x-esimtrade-signature': sign(body).digest('hex') }))
					.status,
			).toBe(401);
			expect(server.executions).toHaveLength(0);
			expect(server.staticData).toEqual({});
		});

		it('reads the signature from the configured header', async () => {
			const server = await listen({ confirm: false, options: { signatureHeader: 'X-Signature' } });
			expect(
				(await post(server, body, { 'x-esimtrade-signature': sign(body).digest('hex') })).status,
			).toBe(401);
			expect((await post(server, body, { 'x-signature': sign(body).digest('hex') })).status).toBe(
				200,
			);
			expect(server.executions).toHaveLength(1);
		});

		it('without a secret in the credential every delivery is accepted, marked unchecked', async () => {
			const server = await listen({ confirm: false }, { secret: '' });
			expect((await post(server, body)).status).toBe(200);
			expect(server.events[0]).toMatchObject({ delivery: { signature: 'unchecked' } });
		});

		it('forged deliveries from the sandbox are refused, and retried by it, never executed', async () => {
			const server = await listen();
			const [order] = sb.trade.seedOrders(1, { status: 'processing' });
			const res = await sb.trade.webhooks.forge({
				type: 'order.status_changed',
				data: { orderNo: order.orderNo, status: 'revoked' },
			});
			await settle();
			expect(res.state).toBe('failed');
			expect(res.attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
			expect(server.executions).toHaveLength(0);
		});
	});

	describe('confirmation with the API', () => {
		it('emits the polling trigger’s event for a status change, with the API’s status and the raw delivery', async () => {
			const server = await listen();
			const [order] = sb.trade.seedOrders(1, { status: 'processing' });
			sb.trade.setOrderStatus(order.orderNo, 'got_resource');
			await settle();
			expect(server.events).toEqual([
				expect.objectContaining({
					event: 'statusChanged',
					eventId: `statusChanged:${order.orderNo}:processing>got_resource`,
					providerOrderNo: order.orderNo,
					previousStatus: 'processing',
					status: 'got_resource',
					slug: order.plan.slug,
					delivery: expect.objectContaining({
						signature: 'valid',
						type: 'order.status_changed',
						body: expect.objectContaining({
							data: expect.objectContaining({ orderNo: order.orderNo }),
						}),
					}),
				}),
			]);
		});

		it('trusts the API over the payload: a delivery claiming a status the order does not have emits the real one', async () => {
			const server = await listen();
			const [order] = sb.trade.seedOrders(1, { status: 'got_resource' });
			sb.trade.webhooks.custom('order.status_changed', {
				id: 'evt_claim',
				type: 'order.status_changed',
				data: { orderNo: order.orderNo, status: 'revoked' },
			});
			await settle();
			expect(server.events).toEqual([
				expect.objectContaining({
					providerOrderNo: order.orderNo,
					status: 'got_resource',
					previousStatus: null,
				}),
			]);
		});

		it('fulfilled: activation details and the QR code PNG from the API', async () => {
			const server = await listen({ events: ['fulfilled'] });
			const [order] = sb.trade.seedOrders(1, { status: 'processing' });
			sb.trade.setOrderStatus(order.orderNo, 'got_resource');
			await settle();
			expect(server.executions).toHaveLength(1);
			const [item] = server.executions[0]!.items;
			const unit = sb.trade.findOrder(order.orderNo)!.esims[0]!;
			expect(item!.json).toMatchObject({
				event: 'fulfilled',
				iccid: unit.iccid,
				activationCode: unit.ac,
				iosInstallUrl: expect.stringContaining('esimsetup.apple.com'),
			});
			expect(item!.binary?.qrCode?.mimeType).toBe('image/png');
		});

		it('fulfilled before the API has the eSIM details: 503 and no execution, then the retry emits it complete', async () => {
			const server = await listen({ events: ['fulfilled'] }, { sandbox: { retryDelayMs: 400 } });
			const [order] = sb.trade.seedOrders(1, { status: 'got_resource' });
			const unit = sb.trade.findOrder(order.orderNo)!.esims[0]!;
			const iccid = unit.iccid;
			unit.iccid = '';
			sb.trade.webhooks.custom('order.status_changed', {
				id: 'evt_early',
				type: 'order.status_changed',
				data: { orderNo: order.orderNo, status: 'got_resource' },
			});
			const deadline = Date.now() + 10_000;
			while (!sb.trade.webhooks.records[0]?.attempts.length && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 10));
			unit.iccid = iccid;
			await settle();
			expect(sb.trade.webhooks.records[0]!.attempts.map((a) => a.status)).toEqual([503, 200]);
			expect(server.executions).toHaveLength(1);
			expect(server.events[0]).toMatchObject({
				event: 'fulfilled',
				activationCode: unit.ac,
				iccid,
			});
		});

		it('an ICCID-only delivery is tied to its order through the API', async () => {
			const server = await listen();
			const [order] = sb.trade.seedOrders(1, { status: 'got_resource' });
			const iccid = order.esims[0]!.iccid;
			sb.trade.webhooks.custom('esim', { eventId: 'e-1', esim: { iccid, state: 'whatever' } });
			await settle();
			expect(server.events).toEqual([
				expect.objectContaining({
					event: 'statusChanged',
					providerOrderNo: order.orderNo,
					status: 'got_resource',
				}),
			]);
		});

		it('an API failure answers 503 without an execution; the sandbox’s retry then succeeds', async () => {
			const server = await listen();
			const [order] = sb.trade.seedOrders(1, { status: 'processing' });
			sb.faults.addRule({ route: 'GET /api/v1/reseller/orders', kind: '5xx', count: 3 });
			sb.trade.setOrderStatus(order.orderNo, 'in_use');
			await settle();
			const record = sb.trade.webhooks.records[0]!;
			expect(record.attempts.map((a) => a.status)).toEqual([503, 200]);
			expect(server.executions).toHaveLength(1);
			expect(server.events[0]).toMatchObject({ status: 'in_use' });
		});
	});

	describe('unconfirmed deliveries', () => {
		it('a delivery naming nothing recognisable is passed on, marked unconfirmed', async () => {
			const server = await listen();
			sb.trade.webhooks.custom('ping', { hello: 'world' });
			await settle();
			expect(server.events).toEqual([
				expect.objectContaining({
					event: 'unconfirmed',
					unconfirmed: true,
					reason: expect.stringContaining('names no order'),
				}),
			]);
			expect(server.events[0]!.delivery).toMatchObject({ body: { hello: 'world' }, type: 'ping' });
		});

		it('an order eSIMTrade does not know is unconfirmed too; both can be switched off', async () => {
			const server = await listen();
			sb.trade.webhooks.custom('order.status_changed', {
				data: { orderNo: 'B9999999999999', status: 'in_use' },
			});
			await settle();
			expect(server.events).toEqual([
				expect.objectContaining({
					event: 'unconfirmed',
					providerOrderNo: 'B9999999999999',
					reason: expect.stringContaining('knows no order'),
				}),
			]);

			const quiet = await listen({ options: { passUnrecognised: false } });
			sb.trade.webhooks.custom('ping', { hello: 'again' });
			await settle();
			expect(quiet.executions).toHaveLength(0);
		});
	});

	describe('duplicates and disorder', () => {
		it('the same delivery twice starts one execution', async () => {
			const server = await listen();
			const orders = sb.trade.seedOrders(5, { status: 'processing' });
			for (const order of orders) sb.trade.setOrderStatus(order.orderNo, 'got_resource');
			await settle();
			expect(sb.trade.webhooks.replay(5)).toBe(5);
			await settle();
			expect(sb.trade.webhooks.records.filter((r) => r.state === 'delivered')).toHaveLength(10);
			expect(server.executions).toHaveLength(5);
			expect(
				server.responses.filter((r) => (r.body as IDataObject | undefined)?.duplicate === true),
			).toHaveLength(5);
		});

		it('duplicates and held-back deliveries from the sandbox: one event per change, none backwards', async () => {
			const server = await listen(
				{},
				{ sandbox: { duplicateRate: 0.5, disorderRate: 0.5, disorderDelayMs: 50 } },
			);
			const orders = sb.trade.seedOrders(20, { status: 'processing' });
			for (const order of orders) sb.trade.setOrderStatus(order.orderNo, 'got_resource');
			await settle();
			for (const order of orders) sb.trade.setOrderStatus(order.orderNo, 'in_use');
			await settle();
			const duplicates = sb.trade.webhooks.records.filter((r) => r.origin === 'duplicate').length;
			expect(duplicates).toBeGreaterThan(0);
			expect(server.executions).toHaveLength(40);
			for (const order of orders) {
				const mine = server.events.filter((e) => e.providerOrderNo === order.orderNo);
				expect(mine.map((e) => [e.previousStatus, e.status])).toEqual([
					['processing', 'got_resource'],
					['got_resource', 'in_use'],
				]);
			}
		});

		it('the same delivery twice at the same moment (a retry while the first is still running) starts one execution', async () => {
			const server = await listen();
			const [order] = sb.trade.seedOrders(1, { status: 'got_resource' });
			const body = JSON.stringify({
				id: 'evt_overlap',
				type: 'order.status_changed',
				data: { orderNo: order.orderNo, status: 'got_resource' },
			});
			const headers = { 'x-esimtrade-signature': sign(body).digest('hex') };
			const answers = await Promise.all([
				post(server, body, headers),
				post(server, body, headers),
				post(server, body, headers),
			]);
			expect(server.executions).toHaveLength(1);
			expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
			// Once handled, the same delivery is a plain duplicate.
			expect(await post(server, body, headers)).toMatchObject({
				status: 200,
				body: { duplicate: true },
			});
			expect(server.executions).toHaveLength(1);
		});

		it('without confirmation an older status arriving after a newer one is dropped', async () => {
			const server = await listen({ confirm: false });
			const send = (id: string, status: string) =>
				sb.trade.webhooks.custom('order.status_changed', {
					id,
					type: 'order.status_changed',
					data: { orderNo: 'B2612010000001', status },
				});
			send('evt_1', 'processing');
			send('evt_3', 'in_use');
			send('evt_2', 'got_resource');
			send('evt_4', 'used_up');
			send('evt_5', 'in_use');
			await settle();
			expect(server.events.map((e) => [e.previousStatus, e.status])).toEqual([
				[null, 'processing'],
				['processing', 'in_use'],
				['in_use', 'used_up'],
			]);
			expect(server.responses.map((r) => (r.body as IDataObject).ignored).filter(Boolean)).toEqual([
				'older status (got_resource after in_use)',
				'older status (in_use after used_up)',
			]);
		});
	});

	describe('event filter', () => {
		it('fulfilled, failed, new order, refund and top-up are told apart; other deliveries start nothing', async () => {
			const server = await listen({ events: ['newOrder', 'failed', 'refundCompleted'] });
			const [paid] = sb.trade.seedOrders(1, { status: 'processing' });
			// A paid order (as if bought through the API) so that cancelling it refunds.
			sb.trade.findOrder(paid.orderNo)!.paidCents = 250;
			sb.trade.setOrderStatus(paid.orderNo, 'cancel');
			await settle();
			expect(server.events.map((e) => e.event)).toEqual(['failed', 'refundCompleted']);
			expect(server.events[1]).toMatchObject({
				eventId: `refundCompleted:${paid.orderNo}`,
				providerOrderNo: paid.orderNo,
				status: 'cancel',
			});

			const [other] = sb.trade.seedOrders(1, { status: 'processing' });
			sb.trade.setOrderStatus(other.orderNo, 'got_resource');
			await settle();
			expect(server.executions).toHaveLength(2);
		});

		it('only chosen statuses for status changes', async () => {
			const server = await listen({ statuses: ['in_use'] });
			const [order] = sb.trade.seedOrders(1, { status: 'processing' });
			sb.trade.setOrderStatus(order.orderNo, 'got_resource');
			sb.trade.setOrderStatus(order.orderNo, 'in_use');
			await settle();
			expect(server.events.map((e) => e.status)).toEqual(['in_use']);
		});

		it('a completed top-up of an eSIM comes with the eSIM’s current record', async () => {
			const server = await listen({ events: ['topUpCompleted'] });
			const [order] = sb.trade.seedOrders(1, { status: 'got_resource' });
			const iccid = order.esims[0]!.iccid;
			sb.trade.webhooks.custom('topup.completed', {
				id: 'evt_t',
				type: 'topup.completed',
				data: { topupNo: 'T1', iccid, orderNo: order.orderNo },
			});
			await settle();
			expect(server.events).toEqual([
				expect.objectContaining({
					event: 'topUpCompleted',
					eventId: 'topUpCompleted:T1',
					iccid,
					topUpNo: 'T1',
					orderNo: order.orderNo,
				}),
			]);
		});
	});

	it('“listen for test event” (manual mode) emits every delivery and keeps no state', async () => {
		const server = await new WebhookServer(
			harnessFor(SIGNING_SECRET),
			new EsimTradeWebhookTrigger(),
			triggerNode({ confirm: false }),
			'manual',
		).start();
		servers.push(server);
		const body = JSON.stringify({ id: 'evt_m', data: { orderNo: 'B1', status: 'in_use' } });
		const headers = { 'x-esimtrade-signature': sign(body).digest('hex') };
		await post(server, body, headers);
		await post(server, body, headers);
		expect(server.executions).toHaveLength(2);
		expect(server.staticData).toEqual({});
	});
});
