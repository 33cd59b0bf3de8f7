import type { INode } from 'n8n-workflow';

import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { poll } from '../../test/harness/run';
import { TRADE_TRIGGER_TYPE } from '../../test/helpers/trade';
import { distributeAt, tradeAt, TOKEN } from './nodes';
import { figure, json, startHostile, type Hostile, type Received } from './recordingServer';

/**
 * Providers whose paging never ends: they ignore `page`, serve a page again, or
 * send more rows than the total they report. Reading stops with a clear error
 * after a few requests. (Each server gives up after SAFETY requests by sending an
 * empty page, only so that a node without the guard still finishes the test.)
 */

const SAFETY = 3000;

const order = (n: number) => ({
	providerOrderNo: `B${String(n).padStart(8, '0')}`,
	status: 'GOT_RESOURCE',
	slug: 'ES_3_30',
});

describe('hostile provider: pagination that never ends', () => {
	let server: Hostile;
	let answer: (req: Received) => unknown;
	beforeAll(async () => {
		server = await startHostile((req, res) => {
			if (req.path === '/api/tenant/login')
				return json(res, 200, { success: true, data: { token: TOKEN } });
			if (server.received.length > SAFETY)
				return json(res, 200, { orders: [], esims: [], success: true, data: { transactions: [] } });
			json(res, 200, answer(req));
		});
	});
	afterAll(async () => await server.close());
	beforeEach(() => {
		server.received.length = 0;
	});

	const measure = async (
		name: string,
		run: () => Promise<{ items: unknown[]; error?: { message?: unknown } }>,
	) => {
		const started = Date.now();
		const { items, error } = await run();
		const values = {
			requests: server.received.length,
			rows: items.length,
			seconds: (Date.now() - started) / 1000,
			error: error?.message ?? null,
		};
		figure(`pagination ${name}`, values);
		return values;
	};

	it('eSIMTrade Get Many orders: a provider that ignores `page` (and reports a huge total)', async () => {
		answer = () => ({
			page: 1,
			pageSize: 100,
			total: 1_000_000,
			orders: Array.from({ length: 100 }, (_, n) => order(n)),
		});
		const result = await measure(
			'ignores page (eSIMTrade orders)',
			async () =>
				await tradeAt(`${server.origin}/api/v1`).run({
					resource: 'order',
					operation: 'getMany',
					returnAll: true,
				}),
		);
		expect(result.requests).toBeLessThanOrEqual(5);
		expect(result.rows).toBe(0);
		expect(result.error).toBe(
			'The provider returned the same rows for page 2 as for page 1 of the eSIMTrade order list',
		);
	});

	it('eSIMTrade Get Many eSIMs: rows without an identity, page ignored', async () => {
		answer = () => ({
			total: 1_000_000,
			page: 1,
			pageSize: 100,
			esims: Array.from({ length: 100 }, (_, n) => ({ status: 'IN_USE', n })),
		});
		const result = await measure(
			'ignores page, rows without ids (eSIMTrade eSIMs)',
			async () =>
				await tradeAt(`${server.origin}/api/v1`).run({
					resource: 'esim',
					operation: 'getMany',
					returnAll: true,
					simplify: false,
				}),
		);
		expect(result.requests).toBeLessThanOrEqual(5);
		expect(String(result.error)).toMatch(
			/^The provider returned the same rows for page 2 as for page 1/,
		);
	});

	it('eSIM Distribute Get Transactions: every page repeats the one before', async () => {
		answer = (req) => {
			const page = Math.max(1, Number(req.query.get('page')) - 1);
			const transactions = Array.from({ length: 100 }, (_, n) => ({
				id: `t${(page - 1) * 100 + n}`,
				amount: 1,
			}));
			return {
				success: true,
				data: {
					transactions,
					pagination: { page, limit: 100, total: 1_000_000, totalPages: 10_000 },
				},
			};
		};
		const result = await measure(
			'repeats pages (eSIM Distribute transactions)',
			async () =>
				await distributeAt(server.origin).run({
					resource: 'balance',
					operation: 'getTransactions',
					returnAll: true,
				}),
		);
		// Sign-in, page 1, then the repeats of page 1.
		expect(result.requests).toBeLessThanOrEqual(8);
		expect(String(result.error)).toMatch(
			/^The provider returned the same rows for page \d+ as for page \d+ of the eSIM Distribute transaction list$/,
		);
	});

	it('eSIMTrade Get Many orders: more rows than the reported total', async () => {
		let next = 0;
		answer = () => ({
			page: 1,
			pageSize: 100,
			total: 150,
			orders: Array.from({ length: 100 }, () => order(next++)),
		});
		const result = await measure(
			'rows beyond the total (eSIMTrade orders)',
			async () =>
				await tradeAt(`${server.origin}/api/v1`).run({
					resource: 'order',
					operation: 'getMany',
					returnAll: true,
				}),
		);
		expect(result.rows).toBe(0);
		expect(result.error).toBe(
			'The provider returned 200 rows of the eSIMTrade order list but reports a total of 150',
		);
	});

	it('eSIMTrade trigger: a provider that ignores `page` while a poll walks the order list', async () => {
		answer = () => ({
			page: 1,
			pageSize: 100,
			total: 1_000_000,
			orders: Array.from({ length: 100 }, (_, n) => order(n)),
		});
		const node: INode = {
			id: 'trigger',
			name: 'eSIMTrade Trigger',
			type: TRADE_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { event: 'newOrder' },
			credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
		};
		const { harness } = tradeAt(`${server.origin}/api/v1`);
		const started = Date.now();
		const error = await poll(harness, new EsimTradeTrigger(), node, {}, 'trigger', 10_000).then(
			() => undefined,
			(e: Error) => e,
		);
		const values = {
			requests: server.received.length,
			seconds: (Date.now() - started) / 1000,
			error: error?.message ?? null,
		};
		figure('pagination ignores page (eSIMTrade trigger poll, 10 s budget)', values);
		expect(values.requests).toBeLessThanOrEqual(5);
		expect(values.error).toBe(
			'The provider returned the same rows for page 2 as for page 1 of the eSIMTrade order list',
		);
	});
});
