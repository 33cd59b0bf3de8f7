import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox, type Sandbox } from '../../sandbox';
import { admin, sleep, tradeClient } from './trade-client';

interface Received {
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

describe('eSIMTrade sim: webhook deliveries', () => {
	let sb: Sandbox;
	let receiver: Server;
	let url: string;
	const received: Received[] = [];
	/** Status the receiver answers with, one per request, then 200. */
	let answers: number[] = [];
	const api = tradeClient(() => sb);
	const settle = async () => {
		while (sb.trade.webhooks.pending > 0) await sleep(10);
	};

	beforeAll(async () => {
		sb = await startSandbox({ trade: { fulfilmentDelayMs: 3_600_000 } });
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.writeHead(answers.shift() ?? 200).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});
	afterAll(async () => {
		await sb.close();
		await new Promise((resolve) => receiver.close(resolve));
	});
	beforeEach(() => {
		sb.reset();
		received.length = 0;
		answers = [];
	});

	it('sends signed deliveries to the URL the portal set, for new orders and status changes', async () => {
		const { cookie } = (await admin(sb, 'POST', 'trade/session')).body;
		await api.patch(
			'/reseller/webhook',
			{ webhookUrl: url },
			{ anonymous: true, headers: { Cookie: cookie } },
		);
		expect(
			(await admin(sb, 'POST', 'trade/webhooks', { secret: 's3cret', signatureFormat: 'base64' }))
				.body,
		).toMatchObject({ url, signed: true });
		const created = await api.order({ slug: 'ES_3_30' });
		const orderNo = created.body.data.orderNo as string;
		sb.trade.setOrderStatus(orderNo, 'got_resource');
		await settle();
		expect(received.map((r) => r.headers['x-esimtrade-event'])).toEqual([
			'order.created',
			'order.status_changed',
		]);
		for (const r of received) {
			expect(r.headers['x-esimtrade-signature']).toBe(
				createHmac('sha256', 's3cret').update(r.body).digest('base64'),
			);
			expect(r.headers['content-type']).toBe('application/json');
		}
		expect(JSON.parse(received[1]!.body)).toMatchObject({
			type: 'order.status_changed',
			data: {
				orderNo,
				previousStatus: 'processing',
				status: 'got_resource',
				iccid: expect.stringMatching(/^\d{19}$/),
			},
		});
	});

	it('retries after a non-2xx answer, with the same id and body', async () => {
		sb.trade.webhookUrl = url;
		sb.trade.webhooks.configure({ retryDelayMs: 5, maxAttempts: 3 });
		answers = [500, 404];
		sb.trade.seedOrders(1, { status: 'processing' });
		sb.trade.setOrderStatus(sb.trade.orders[0]!.orderNo, 'in_use');
		await settle();
		expect(received).toHaveLength(3);
		expect(new Set(received.map((r) => r.body)).size).toBe(1);
		expect(received.map((r) => r.headers['x-esimtrade-attempt'])).toEqual(['1', '2', '3']);
		expect(received[0]!.headers['x-esimtrade-signature']).toBeUndefined();
		const [record] = (await admin(sb, 'GET', 'trade/webhooks/deliveries')).body.deliveries;
		expect(record).toMatchObject({
			state: 'delivered',
			attempts: [{ status: 500 }, { status: 404 }, { status: 200 }],
		});
	});

	it('never sends anywhere but this machine, and refuses invalid settings', async () => {
		sb.trade.webhookUrl = 'https://example.com/hook';
		sb.trade.seedOrders(1, { status: 'processing' });
		sb.trade.setOrderStatus(sb.trade.orders[0]!.orderNo, 'in_use');
		await settle();
		expect(sb.trade.webhooks.records).toHaveLength(0);
		expect((await admin(sb, 'POST', 'trade/webhooks', { duplicateRate: 2 })).status).toBe(400);
		expect((await admin(sb, 'POST', 'trade/webhooks', { url: 'ftp://x' })).status).toBe(400);
		expect((await admin(sb, 'POST', 'trade/webhooks', { maxAttempts: 0 })).status).toBe(400);
	});
});
