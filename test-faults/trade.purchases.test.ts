import type { FaultRule } from '../sandbox';
import { plan, SECRET, tradeFixture, type TradeFixture } from '../test/helpers/trade';
import { expectNoSecrets, faultsFired } from './secrets';

const PURCHASES = 1000;
const ORDER = 'POST /api/v1/portal/order';
const PRICE_CENTS = 250; // ES_3_30

/**
 * Faults on every purchase request, drawn from the seeded fault RNG: lost
 * connections before and after the order is saved, 503, 429 (Retry-After 0,
 * and twice 1 s), and a server that saves the order but never answers within
 * the node's 1 s Request Timeout.
 */
const RULES: FaultRule[] = [
	{ route: ORDER, kind: 'reset-before', rate: 0.01 },
	{ route: ORDER, kind: '5xx', rate: 0.03 },
	{ route: ORDER, kind: '429', rate: 0.03, retryAfterSec: 0 },
	{ route: ORDER, kind: '429', count: 2, retryAfterSec: 1 },
	{ route: ORDER, kind: 'reset-after-commit', rate: 0.03 },
	{ route: ORDER, kind: 'hang-after-commit', rate: 0.01 },
];

describe('eSIMTrade: 1,000 purchases while the provider drops, refuses and hangs', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture({ seed: 11 });
	});
	afterAll(async () => await f.close());

	it('ends with exactly one order and one wallet debit per purchase', async () => {
		const wallet = f.sandbox.trade.walletCents;
		f.sandbox.faults.set({ hangMs: 1500, rules: RULES });
		const input = Array.from({ length: PURCHASES }, (_, n) => ({ shopOrder: 5000 + n, line: 1 }));
		const { status, items, run, error } = await f.run(
			{
				resource: 'order',
				operation: 'create',
				plan: plan('ES_3_30'),
				quantity: 1,
				waitForFulfilment: false,
				options: { requestTimeout: 1 },
			},
			input,
		);
		expect(error?.message).toBeUndefined();
		expect(status).toBe('success');

		// The workflow saw one order per input item, each paired with its item.
		expect(items).toHaveLength(PURCHASES);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			input.map((_, n) => n),
		);
		const numbers = new Set(items.map((item) => String(item.json.orderNo)));
		expect(numbers.size).toBe(PURCHASES);

		// The provider holds exactly those orders, each bought once, each with its own key.
		const trade = f.sandbox.trade;
		expect(trade.orders).toHaveLength(PURCHASES);
		expect(new Set(trade.orders.map((order) => order.orderNo))).toEqual(numbers);
		expect(new Set(trade.orders.map((order) => order.idempotencyKey)).size).toBe(PURCHASES);
		const debits = trade.ledger.filter((entry) => entry.type === 'debit');
		expect(debits).toHaveLength(PURCHASES);
		expect(new Set(debits.map((entry) => entry.orderNo))).toEqual(numbers);
		expect(trade.walletCents).toBe(wallet - PURCHASES * PRICE_CENTS);

		// Every kind of fault really happened, more than once.
		const fired = faultsFired(f.sandbox, 'POST', '/api/v1/portal/order');
		expect(Object.keys(fired).sort()).toEqual([
			'429',
			'5xx',
			'hang-after-commit',
			'reset-after-commit',
			'reset-before',
		]);
		expect(Math.min(...Object.values(fired))).toBeGreaterThan(1);
		// An order saved behind a lost answer came back as a replay of its key, never as a second order.
		const lost = new Set(
			f.sandbox.log
				.entries({ method: 'POST', path: '/api/v1/portal/order' })
				.filter((entry) => entry.fault?.endsWith('after-commit'))
				.map((entry) => (entry.body as { idempotencyKey?: string }).idempotencyKey),
		);
		expect(lost.size).toBe(fired['reset-after-commit'] + fired['hang-after-commit']);
		const replayed = new Set(
			items.filter((item) => item.json.replayed === true).map((item) => item.json.idempotencyKey),
		);
		expect([...lost].filter((key) => !replayed.has(key))).toEqual([]);
		process.stdout.write(
			`eSIMTrade fault run: ${PURCHASES} purchases, ${f.sandbox.log.count({ method: 'POST', path: '/api/v1/portal/order' })} POSTs, faults ${JSON.stringify(fired)}\n`,
		);

		expectNoSecrets(f.sandbox, { 'workflow run': JSON.stringify(run) }, [SECRET]);
	});
});
