import type { INodeExecutionData } from 'n8n-workflow';

import type { FaultRule, RequestLogEntry } from '../sandbox';
import {
	distributeFixture,
	PASSWORD,
	planIds,
	type DistributeFixture,
} from '../test/helpers/distribute';
import { expectNoSecrets, faultsFired } from './secrets';

const CHECKOUTS = 150;
const CHECKOUT = 'POST /api/tenant/orders/checkout';
const PATH = '/api/tenant/orders/checkout';
const OUTCOME_UNKNOWN =
	/^Outcome unknown — the checkout may or may not have been placed; check orders for \S+ before re-running$/;

/** The same fault mix as the eSIMTrade purchases, plus failing reads of the order list used to reconcile. */
const RULES: FaultRule[] = [
	{ route: CHECKOUT, kind: 'reset-before', rate: 0.02 },
	{ route: CHECKOUT, kind: '5xx', rate: 0.03 },
	{ route: CHECKOUT, kind: '429', rate: 0.03, retryAfterSec: 0 },
	{ route: CHECKOUT, kind: 'reset-after-commit', rate: 0.05 },
	{ route: CHECKOUT, kind: 'hang-after-commit', rate: 0.03 },
	{ route: 'GET /api/tenant/orders', kind: '5xx', rate: 0.02 },
];

/** Checkout has no idempotency key: a request is "sent" unless the provider refused it with 429 before doing anything. */
const sent = (entry: RequestLogEntry) => entry.status !== 429;
const emailOf = (entry: RequestLogEntry) => (entry.body as { email?: string } | undefined)?.email;

describe('eSIM Distribute: checkouts while the provider drops, refuses and hangs', () => {
	let f: DistributeFixture;
	beforeAll(async () => {
		f = await distributeFixture({ seed: 5 });
	});
	afterAll(async () => await f.close());

	it('never places a second order for one request; every unclear outcome is reconciled or reported as "Outcome unknown"', async () => {
		const [a, b] = planIds(f.sandbox, 2);
		const sim = f.sandbox.distribute;
		sim.setBalance(1_000_000);
		f.sandbox.faults.set({ hangMs: 2500, rules: RULES });
		const input = Array.from({ length: CHECKOUTS }, (_, n) => ({
			email: `buyer-${n}@example.com`,
			basket:
				n % 4 === 0
					? [
							{ planId: a, quantity: 1 },
							{ planId: b, quantity: 2 },
						]
					: [{ planId: a, quantity: 1 }],
		}));
		const { status, items, run } = await f.run(
			{
				resource: 'order',
				operation: 'checkout',
				itemsInput: 'json',
				itemsJson: '={{ $json.basket }}',
				email: '={{ $json.email }}',
				customerName: 'Test Customer',
				waitForFulfilment: false,
				options: { requestTimeout: 2 },
			},
			input,
			{ onError: 'continueRegularOutput' },
		);
		expect(status).toBe('success');

		const byItem = new Map<number, INodeExecutionData[]>();
		for (const item of items) {
			const index = (item.pairedItem as { item: number }).item;
			byItem.set(index, [...(byItem.get(index) ?? []), item]);
		}
		const attempts = f.sandbox.log.entries({ method: 'POST', path: PATH });
		const tally = { clean: 0, reconciled: 0, unknown: 0 };
		input.forEach(({ email, basket }, n) => {
			const out = byItem.get(n) ?? [];
			const orders = sim.orders.filter((order) => order.customerEmail === email);
			const requests = attempts.filter((entry) => emailOf(entry) === email && sent(entry));
			const context = {
				item: n,
				fault: requests[0]?.fault ?? null,
				orders: orders.length,
				out: out.map((i) => i.json),
			};

			// Sent exactly once (only a 429, refused before any work, is sent again) …
			expect({ ...context, sent: requests.length }).toEqual({ ...context, sent: 1 });
			// … so the provider holds this basket's orders once or not at all.
			expect([0, basket.length]).toContain(orders.length);

			const errors = out.filter((item) => item.json.error !== undefined);
			if (errors.length) {
				// An unclear outcome that could not be matched: the explicit error, and only that.
				expect(out).toHaveLength(1);
				expect(String(errors[0].json.error)).toMatch(OUTCOME_UNKNOWN);
				expect(context.fault).not.toBeNull();
				tally.unknown++;
				return;
			}
			// Otherwise the items are exactly the orders the provider holds for this request.
			expect(out.map((item) => item.json.id).sort()).toEqual(
				orders.map((order) => order.id).sort(),
			);
			const reconciled = out.map((item) => item.json.reconciled);
			if (context.fault === null) {
				expect(reconciled.every((value) => value === false)).toBe(true);
				tally.clean++;
			} else {
				expect(context).toMatchObject({ fault: expect.stringMatching(/after-commit$/) });
				expect(reconciled.every((value) => value === true)).toBe(true);
				tally.reconciled++;
			}
		});

		// One debit per order, and no order that no request asked for.
		const emails = new Set(input.map((line) => line.email));
		expect(sim.orders.every((order) => emails.has(order.customerEmail))).toBe(true);
		expect(sim.transactions.filter((t) => t.type === 'checkout')).toHaveLength(sim.orders.length);

		const fired = faultsFired(f.sandbox, 'POST', PATH);
		expect(Object.keys(fired).sort()).toEqual([
			'429',
			'5xx',
			'hang-after-commit',
			'reset-after-commit',
			'reset-before',
		]);
		expect(tally.reconciled).toBeGreaterThan(5);
		expect(tally.unknown).toBeGreaterThan(2);
		process.stdout.write(
			`eSIM Distribute fault run: ${CHECKOUTS} checkouts, faults ${JSON.stringify(fired)}, outcomes ${JSON.stringify(tally)}\n`,
		);

		expectNoSecrets(f.sandbox, { 'workflow run': JSON.stringify(run) }, [PASSWORD, f.token()]);
	});
});
