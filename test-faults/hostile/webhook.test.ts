import { createHmac } from 'node:crypto';

import type { IDataObject, INode } from 'n8n-workflow';

import { EsimTradeApi } from '../../credentials/EsimTradeApi.credentials';
import { EsimTradeWebhookTrigger } from '../../nodes/EsimTrade/EsimTradeWebhookTrigger.node';
import { MAX_REMEMBERED, MAX_STATE_BYTES } from '../../nodes/EsimTrade/webhook/dedupe';
import { createHarness } from '../../test/harness/run';
import { WebhookServer } from '../../test/helpers/webhook';

const TYPE = 'n8n-nodes-esim.esimTradeWebhookTrigger';
const SECRET = 'whsec-hostile-1';

/** Figures for the record (`WEBHOOK_FIGURES=1`): executions per replayed delivery, state bytes. */
const figure = (name: string, value: number) => {
	if (process.env.WEBHOOK_FIGURES) process.stdout.write(`FIGURE ${name}: ${value}\n`);
};

const node = (parameters: IDataObject): INode => ({
	id: 'wh1',
	name: 'eSIMTrade Webhook Trigger',
	type: TYPE,
	typeVersion: 1,
	position: [0, 0],
	webhookId: '5b1c2d3e-0000-4000-8000-000000000020',
	// Confirm off: the signed body is all the trigger has, the attacker's best case.
	parameters: {
		events: ['statusChanged', 'refundCompleted', 'topUpCompleted'],
		confirm: false,
		...parameters,
	} as INode['parameters'],
	credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
});

const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const stateBytes = (server: WebhookServer) => Buffer.byteLength(JSON.stringify(server.staticData));

describe('eSIMTrade Webhook Trigger against replays and hostile payloads (real HTTP, n8n-core)', () => {
	let servers: WebhookServer[] = [];
	afterEach(async () => {
		await Promise.all(servers.map((s) => s.close()));
		servers = [];
	});

	async function listen(parameters: IDataObject = {}) {
		const harness = createHarness({ [TYPE]: new EsimTradeWebhookTrigger() }, [new EsimTradeApi()], {
			esimTradeApi: {
				accessCode: 'demo-access',
				secretKey: 'demo-secret',
				// Never called with Confirm off; a closed loopback port if it were.
				baseUrl: 'http://127.0.0.1:9/api/v1',
				webhookSecret: SECRET,
			},
		});
		const server = await new WebhookServer(
			harness,
			new EsimTradeWebhookTrigger(),
			node(parameters),
		).start();
		servers.push(server);
		return server;
	}

	/** One captured signed body, sent with whatever (unsigned) headers the attacker likes. */
	async function post(server: WebhookServer, body: string, headers: Record<string, string> = {}) {
		const response = await fetch(server.url, {
			method: 'POST',
			body,
			headers: {
				'content-type': 'application/json',
				'x-esimtrade-signature': sign(body),
				...headers,
			},
		});
		return { status: response.status, body: (await response.json()) as IDataObject };
	}

	it('a signed delivery replayed with new delivery-id headers starts one execution', async () => {
		const server = await listen();
		const deliveries = [
			// A wallet top-up with an event id in the body, one without any id, and a refund.
			JSON.stringify({ id: 'evt_w1', type: 'wallet.topup.completed', data: { amount: 50 } }),
			JSON.stringify({ type: 'wallet.topup.completed', data: { amountCents: 5000 } }),
			JSON.stringify({ type: 'refund.completed', data: { orderNo: 'B-R1', status: 'refunded' } }),
		];
		for (const [n, body] of deliveries.entries()) {
			const before = server.executions.length;
			for (let i = 0; i < 6; i++) {
				const response = await post(server, body, {
					'x-esimtrade-delivery': `forged-${i}`,
					'x-esimtrade-event-id': `forged-${i}`,
					'x-webhook-id': `forged-${i}`,
					'x-esimtrade-event': i % 2 ? 'order.status_changed' : 'wallet.topup.completed',
				});
				expect(response.status).toBe(200);
			}
			figure(`executions of delivery ${n + 1} sent 6 times`, server.executions.length - before);
		}
		expect(server.events.map((e) => e.event)).toEqual([
			'topUpCompleted',
			'topUpCompleted',
			'refundCompleted',
		]);
	});

	it('a flood of replays and of other signed deliveries cannot push a refund out', async () => {
		const server = await listen();
		const refund = JSON.stringify({
			id: 'evt_refund_1',
			type: 'refund.completed',
			data: { orderNo: 'B-R2', refundNo: 'RF-77', status: 'refunded' },
		});
		expect((await post(server, refund)).status).toBe(200);
		const ping = JSON.stringify({ type: 'ping' });
		const flood = MAX_REMEMBERED + 100;
		for (let i = 0; i < flood; i++) {
			// Header-varied replays of one signed ping, and distinct signed deliveries (the provider's own).
			const body = i % 2 ? ping : JSON.stringify({ id: `evt_p${i}`, type: 'ping' });
			await post(server, body, { 'x-esimtrade-delivery': `flood-${i}` });
		}
		const before = server.executions.length;
		// The same refund, replayed with a fresh header, and the same refund number in a re-sent envelope.
		await post(server, refund, { 'x-esimtrade-delivery': 'after-the-flood' });
		await post(
			server,
			JSON.stringify({
				id: 'evt_refund_1_resent',
				type: 'refund.completed',
				data: { orderNo: 'B-R2', refundNo: 'RF-77', status: 'refunded' },
			}),
		);
		figure('state bytes after the flood', stateBytes(server));
		expect(server.executions.length).toBe(before);
		expect(server.events.filter((e) => e.event === 'refundCompleted')).toHaveLength(1);
		expect(stateBytes(server)).toBeLessThan(MAX_STATE_BYTES);
	}, 300_000);

	it('20 deliveries with 500 kB order numbers leave state under the byte bound', async () => {
		const server = await listen();
		for (let i = 0; i < 20; i++) {
			const orderNo = `B${i}-${'x'.repeat(500_000)}`;
			const body = JSON.stringify({
				id: `evt_big_${i}_${'y'.repeat(1000)}`,
				type: 'order.status_changed',
				data: { orderNo, status: `in_use${'z'.repeat(1000)}` },
			});
			expect((await post(server, body)).status).toBe(200);
		}
		figure('state bytes after 20 x 500 kB order numbers', stateBytes(server));
		expect(server.executions).toHaveLength(20);
		expect(stateBytes(server)).toBeLessThan(50_000);
		expect(stateBytes(server)).toBeLessThan(MAX_STATE_BYTES);
	});

	it('constructor, toString and __proto__ are ordinary ids', async () => {
		const server = await listen();
		const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
		for (const name of names) {
			for (const status of ['got_resource', 'in_use']) {
				const body = JSON.stringify({
					id: `${name}-${status}`,
					type: 'order.status_changed',
					data: { orderNo: name, status },
				});
				const response = await post(server, body);
				expect(response).toEqual({ status: 200, body: { received: true } });
			}
			const body = JSON.stringify({
				id: name,
				type: 'refund.completed',
				data: { orderNo: name, status: 'refunded' },
			});
			expect((await post(server, body)).status).toBe(200);
			expect((await post(server, body)).body).toEqual({ received: true, duplicate: true });
		}
		const mine = (name: string) => server.events.filter((e) => e.providerOrderNo === name);
		for (const name of names)
			expect(mine(name).map((e) => [e.event, e.previousStatus, e.status])).toEqual([
				['statusChanged', null, 'got_resource'],
				['statusChanged', 'got_resource', 'in_use'],
				['refundCompleted', 'in_use', 'refunded'],
			]);
	});

	it('a signed send time outside the window is refused; one inside it, or none, is not', async () => {
		const server = await listen({ options: { maxAgeMinutes: 60 } });
		const at = (ms: number) => new Date(Date.now() + ms).toISOString();
		const envelope = (id: string, extra: IDataObject) =>
			JSON.stringify({
				id,
				type: 'wallet.topup.completed',
				...extra,
				data: { amount: 10, createdAt: at(-9e9) },
			});
		const stale = await post(server, envelope('evt_old', { createdAt: at(-2 * 3600_000) }));
		expect(stale.status).toBe(400);
		expect(String(stale.body.error)).toMatch(/more than 60 minutes ago.*replay/);
		const staleSeconds = envelope('evt_old_s', {
			timestamp: Math.floor((Date.now() - 3 * 3600_000) / 1000),
		});
		expect((await post(server, staleSeconds)).status).toBe(400);
		expect((await post(server, envelope('evt_ahead', { sentAt: at(3600_000) }))).status).toBe(400);
		expect(server.executions).toHaveLength(0);
		// A fresh one; one whose only time is an unsigned header or a nested record's; the check off.
		expect((await post(server, envelope('evt_new', { createdAt: at(-60_000) }))).status).toBe(200);
		const headerOnly = await post(server, envelope('evt_hdr', {}), {
			'x-esimtrade-timestamp': at(-9e9),
		});
		expect(headerOnly.status).toBe(200);
		expect(server.executions).toHaveLength(2);
		const off = await listen({ options: { maxAgeMinutes: 0 } });
		expect((await post(off, envelope('evt_old', { createdAt: at(-2 * 3600_000) }))).status).toBe(
			200,
		);
	});
});
