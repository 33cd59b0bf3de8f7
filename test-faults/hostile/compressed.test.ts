import { gzipSync } from 'node:zlib';

import { gzipBomb, peakRss, sendBomb, streamBomb } from './bombs';
import { distributeAt, tradeAt, TOKEN, TRADE_ORDER } from './nodes';
import { figure, json, startHostile, type Hostile, type Handler } from './recordingServer';

/**
 * A provider whose compressed reply decodes to far more than it weighs. n8n's
 * request helper decompresses gzip, deflate and br without a limit; the nodes
 * read every answer as a stream and stop at the bound for its kind of route
 * (one object 1 MB, a list page 8 MB, an export 64 MB), with an error naming
 * the limit, without asking again, and with the process's memory bounded.
 */

const GB = 1024 * 1024 * 1024;
/** Memory the refusal of a 1 GB reply may cost at most (the bound plus buffers, with room to spare). */
const MAX_PEAK_MB = 200;

describe('hostile provider: compressed replies that decode to gigabytes', () => {
	let server: Hostile;
	let answer: Handler;
	beforeAll(async () => {
		server = await startHostile((req, res) => answer(req, res));
	});
	afterAll(async () => await server.close());
	beforeEach(() => {
		server.received.length = 0;
	});

	it('eSIMTrade Get Balance: a 1 GB gzip reply is refused at 1 MB, once, with bounded memory', async () => {
		const bomb = gzipBomb('{"data":{"walletBalanceUsd":"1.00","note":"', 'A', GB, '"}}');
		answer = (_req, res) => sendBomb(res, bomb);
		const { result, peakMb } = await peakRss(
			async () =>
				await tradeAt(`${server.origin}/api/v1`).run({
					resource: 'wallet',
					operation: 'getBalance',
				}),
		);
		const { error, items } = result;
		figure('gzip bomb eSIMTrade balance', {
			wireBytes: bomb.wire.length,
			decodedBytes: bomb.decoded,
			peakRssMb: peakMb,
			requests: server.received.length,
			error: error?.message ?? null,
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'eSIMTrade answered GET /portal/balance with an answer larger than 1 MB once decompressed, the limit for this kind of answer; it was refused unread',
		);
		expect(server.received).toHaveLength(1);
		expect(peakMb).toBeLessThan(MAX_PEAK_MB);
	});

	for (const encoding of ['deflate', 'br'] as const) {
		it(`eSIMTrade Get Balance: a ${encoding} reply decoding to 1 GB stops the provider's stream early`, async () => {
			let fed: Promise<number> = Promise.resolve(0);
			answer = (_req, res) => {
				fed = streamBomb(res, encoding, '{"data":{"walletBalanceUsd":"1.00","note":"', 'B', GB);
			};
			const { error } = await tradeAt(`${server.origin}/api/v1`).run({
				resource: 'wallet',
				operation: 'getBalance',
			});
			const decodedFed = await fed;
			figure(`${encoding} bomb eSIMTrade balance`, {
				decodedBytesFedBeforeClose: decodedFed,
				error: error?.message ?? null,
			});
			expect(error?.message).toMatch(/larger than 1 MB once decompressed/);
			expect(server.received).toHaveLength(1);
			expect(decodedFed).toBeLessThan(GB / 8);
		});
	}

	it('eSIMTrade Plan Get Many: millions of plans in 1 GB are refused at the 8 MB page limit', async () => {
		const plan = '{"slug":"ES_1_7","name":"1 GB 7 days","priceUsd":"1.00","dataGb":1},';
		const bomb = gzipBomb('{"data":[', plan, GB, '{"slug":"ES_LAST"}]}');
		answer = (_req, res) => sendBomb(res, bomb);
		const { result, peakMb } = await peakRss(
			async () =>
				await tradeAt(`${server.origin}/api/v1`).run({
					resource: 'plan',
					operation: 'getMany',
					returnAll: true,
				}),
		);
		figure('gzip bomb eSIMTrade plan list', {
			plans: Math.round(bomb.decoded / plan.length),
			decodedBytes: bomb.decoded,
			peakRssMb: peakMb,
			items: result.items.length,
			error: result.error?.message ?? null,
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(/larger than 8 MB once decompressed/);
		expect(peakMb).toBeLessThan(MAX_PEAK_MB);
	});

	it('eSIM Distribute Export: a 1 GB CSV is refused at the 64 MB export limit', async () => {
		const row = 'ED-100001,completed,Jane Doe,+4915100000000,plan-1,1,2026-03-10\r\n';
		const bomb = gzipBomb(
			'orderNumber,status,customerName,phone,planId,quantity,createdAt\r\n',
			row,
			GB,
		);
		answer = (req, res) => {
			if (req.path === '/api/tenant/login')
				return json(res, 200, { success: true, data: { token: TOKEN } });
			sendBomb(res, bomb, 'text/csv; charset=utf-8');
		};
		const { result, peakMb } = await peakRss(
			async () =>
				await distributeAt(server.origin).run({
					resource: 'order',
					operation: 'export',
					options: { includeRows: true },
				}),
		);
		figure('gzip bomb eSIM Distribute export', {
			rows: Math.round(bomb.decoded / row.length),
			decodedBytes: bomb.decoded,
			peakRssMb: peakMb,
			exportRequests: server.received.filter((r) => r.path.endsWith('/export')).length,
			error: result.error?.message ?? null,
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'eSIM Distribute answered GET /api/tenant/orders/export with an answer larger than 64 MB once decompressed, the limit for this kind of answer; it was refused unread',
		);
		expect(server.received.filter((r) => r.path.endsWith('/export'))).toHaveLength(1);
		expect(peakMb).toBeLessThan(MAX_PEAK_MB * 1.5);
	});

	it('eSIM Distribute sign-in: a 1 GB gzip answer to the login is refused at 1 MB', async () => {
		const bomb = gzipBomb('{"success":true,"data":{"token":"', 'D', GB, '"}}');
		answer = (req, res) => {
			if (req.path === '/api/tenant/login') return sendBomb(res, bomb);
			json(res, 200, { success: true, data: { creditBalance: 5 } });
		};
		const { result, peakMb } = await peakRss(
			async () => await distributeAt(server.origin).run({ resource: 'balance', operation: 'get' }),
		);
		figure('gzip bomb eSIM Distribute sign-in', {
			peakRssMb: peakMb,
			logins: server.received.filter((r) => r.path.endsWith('/login')).length,
			error: result.error?.message ?? null,
		});
		expect(result.items).toEqual([]);
		// Named in the message and not asked again: the same flood would come back.
		expect(result.error?.message).toBe(
			'eSIM Distribute answered the sign-in with an answer larger than 1 MB once decompressed, the limit for this kind of answer; it was refused unread. Check the Base URL in the credential.',
		);
		expect(server.received.filter((r) => r.path.endsWith('/login'))).toHaveLength(1);
		expect(server.received.filter((r) => r.path.endsWith('/balance'))).toEqual([]);
		expect(peakMb).toBeLessThan(MAX_PEAK_MB);
	});

	it('eSIMTrade Create Order: a 1 GB answer to the purchase is never a placed order, and the key is kept', async () => {
		const bomb = gzipBomb('{"data":{"orderNo":"B2601010000001","note":"', 'E', GB, '"}}');
		answer = (req, res) => {
			if (req.method === 'POST') return sendBomb(res, bomb);
			json(res, 404, { error: 'Not found' });
		};
		const { items } = await tradeAt(`${server.origin}/api/v1`).run(TRADE_ORDER, [{}], {
			onError: 'continueRegularOutput',
		});
		const out = items[0]?.json ?? {};
		const purchases = server.received.filter((r) => r.method === 'POST');
		const keys = new Set(purchases.map((r) => JSON.parse(r.body).idempotencyKey as string));
		figure('gzip bomb eSIMTrade purchase', {
			purchases: purchases.length,
			keys: keys.size,
			error: out.error ?? null,
		});
		expect(out.error).toBeDefined();
		expect(out.orderNo).toBeUndefined();
		expect(String(out.error)).toMatch(/^(Outcome unknown|Order placed but not identified)/);
		expect(JSON.stringify(out)).toContain('larger than 1 MB once decompressed');
		expect(purchases.length).toBeLessThanOrEqual(2);
		expect(keys.size).toBe(1);
	});

	it('an error status with a 1 GB body keeps its status; the body is not read past 1 MB', async () => {
		let fed: Promise<number> = Promise.resolve(0);
		answer = (_req, res) => {
			fed = streamBomb(res, 'deflate', '{"error":"', 'C', GB, 403);
		};
		const { result, peakMb } = await peakRss(
			async () =>
				await tradeAt(`${server.origin}/api/v1`).run({
					resource: 'wallet',
					operation: 'getBalance',
				}),
		);
		const decodedFed = await fed;
		figure('deflate bomb eSIMTrade 403', {
			decodedBytesFedBeforeClose: decodedFed,
			peakRssMb: peakMb,
			error: result.error?.message ?? null,
		});
		expect(result.error?.message).toBe(
			'eSIMTrade refused this action for these credentials (403 Forbidden)',
		);
		expect(decodedFed).toBeLessThan(GB / 8);
		expect(peakMb).toBeLessThan(MAX_PEAK_MB);
	});

	it('a small compressed answer is still read (gzip within the bound)', async () => {
		answer = (_req, res) => {
			const body = gzipSync(JSON.stringify({ data: { walletBalanceUsd: '42.50' } }));
			res.writeHead(200, {
				'content-type': 'application/json',
				'content-encoding': 'gzip',
				'content-length': body.length,
			});
			res.end(body);
		};
		const { items, error } = await tradeAt(`${server.origin}/api/v1`).run({
			resource: 'wallet',
			operation: 'getBalance',
		});
		expect(error).toBeUndefined();
		expect(JSON.stringify(items[0]?.json)).toContain('42.5');
	});
});
