import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { checkoutOf, distributeAt, tradeAt, TOKEN, TRADE_ORDER as ORDER } from './nodes';
import { figure, json, startHostile, type Hostile, type Received } from './recordingServer';

/**
 * A provider (or a broken proxy) that drips its answer one byte a second, so
 * the connection is never idle, or that cuts the body off mid-way. Every
 * request has a total deadline; a cut-off body is an error, never a success.
 */

const DRIP_SECONDS = 30;

/** Sends `body` one character per interval, spread over about `seconds`; stops when the client goes away. */
function drip(res: ServerResponse, body: string, seconds: number): void {
	res.writeHead(200, { 'content-type': 'application/json' });
	const padded = body.padStart(seconds, ' ');
	let i = 0;
	const timer = setInterval(() => {
		if (res.destroyed || i >= padded.length) {
			clearInterval(timer);
			if (!res.destroyed) res.end();
			return;
		}
		res.write(padded[i++]);
	}, 1000);
	res.on('close', () => clearInterval(timer));
}

/** Writes a raw HTTP answer on the socket and closes it (for bodies no Node server would cut itself). */
function rawAnswer(socket: Socket, head: string, body: string): void {
	socket.end(`${head}\r\n\r\n${body}`);
}

const CUTS: Array<{ name: string; send(req: Received, res: ServerResponse): void }> = [
	{
		name: 'shorter than its Content-Length',
		send: (_req, res) =>
			rawAnswer(
				res.socket as Socket,
				'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200',
				'{"data": {"orderNo": "B2611',
			),
	},
	{
		name: 'cut off before the end of a chunked body',
		send: (_req, res) =>
			rawAnswer(
				res.socket as Socket,
				'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked',
				'1b\r\n{"data": {"orderNo": "B2611\r\n',
			),
	},
	{
		name: 'cut off by closing the connection',
		send: (_req, res) =>
			rawAnswer(
				res.socket as Socket,
				'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close',
				'{"data": {"orderNo": "B2611',
			),
	},
];

describe('hostile provider: slow and cut-off answers', () => {
	let server: Hostile;
	let answer: (req: Received, res: ServerResponse) => void;
	beforeAll(async () => {
		server = await startHostile((req, res) => answer(req, res));
	});
	afterAll(async () => await server.close());
	beforeEach(() => {
		server.received.length = 0;
	});

	it('eSIMTrade Create Order: an answer dripping for 30 s is given up at the Request Timeout', async () => {
		answer = (_req, res) =>
			drip(
				res,
				JSON.stringify({ data: { orderNo: 'B26DRIP', status: 'GOT_RESOURCE' } }),
				DRIP_SECONDS,
			);
		const started = Date.now();
		const { items } = await tradeAt(`${server.origin}/api/v1`).run(
			{ ...ORDER, options: { requestTimeout: 2 } },
			[{}],
			{
				onError: 'continueRegularOutput',
			},
		);
		const seconds = (Date.now() - started) / 1000;
		figure('drip eSIMTrade create order (timeout 2 s)', {
			seconds,
			attempts: server.received.length,
			success: items[0]?.json.error === undefined,
		});
		expect(seconds).toBeLessThan(15);
		expect(String(items[0]?.json.error)).toBe(
			'eSIMTrade did not finish answering within 2 s (tried 3 times)',
		);
		// Keyed, so it may be asked again; a trickling provider is asked at most three times.
		expect(server.received.length).toBeLessThanOrEqual(3);
	});

	it('eSIM Distribute Checkout: an answer dripping for 30 s is given up and reconciled', async () => {
		answer = (req, res) => {
			if (req.path === '/api/tenant/login')
				return json(res, 200, { success: true, data: { token: TOKEN } });
			if (req.method === 'GET') return json(res, 200, { success: true, data: { orders: [] } });
			drip(
				res,
				JSON.stringify({ success: true, data: { orders: [{ id: 'o1' }] }, message: '', error: '' }),
				DRIP_SECONDS,
			);
		};
		const started = Date.now();
		const { items } = await distributeAt(server.origin).run(
			checkoutOf('drip@example.com', { options: { requestTimeout: 2 } }),
			[{}],
			{
				onError: 'continueRegularOutput',
			},
		);
		const seconds = (Date.now() - started) / 1000;
		figure('drip eSIM Distribute checkout (timeout 2 s)', {
			seconds,
			success: items[0]?.json.error === undefined,
		});
		expect(seconds).toBeLessThan(15);
		expect(String(items[0]?.json.error)).toMatch(/^Outcome unknown/);
		expect(server.received.filter((r) => r.path.endsWith('/checkout'))).toHaveLength(1);
	});

	for (const cut of CUTS) {
		it(`a body ${cut.name} is an error on a read and on a purchase`, async () => {
			answer = cut.send;
			const node = tradeAt(`${server.origin}/api/v1`);
			const read = await node.run({ resource: 'wallet', operation: 'getBalance' });
			const buy = await node.run({ ...ORDER, options: { requestTimeout: 5 } }, [{}], {
				onError: 'continueRegularOutput',
			});
			figure(`cut body ${cut.name}`, {
				readSucceeded: read.error === undefined,
				purchaseReportedAsOrder: buy.items[0]?.json.error === undefined,
			});
			expect(read.error?.message).toBeDefined();
			expect(read.items).toEqual([]);
			expect(buy.items[0]?.json.error).toBeDefined();
			expect(buy.items[0]?.json.orderNo).toBeUndefined();
		});
	}
});
