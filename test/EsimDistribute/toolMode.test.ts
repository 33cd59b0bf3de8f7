import type { IDataObject } from 'n8n-workflow';

import {
	checkout,
	distributeFixture,
	planIds,
	requestsTo,
	type DistributeFixture,
} from '../helpers/distribute';

/** Checkout and wallet top-up called by AI Agent 3.x: the engine runs the node under its `…Tool` type. */
describe('eSIM Distribute as an AI Agent tool', () => {
	let f: DistributeFixture;
	let a: string;
	let price: number;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => {
		f.sandbox.reset();
		[a] = planIds(f.sandbox, 1);
		price = f.sandbox.distribute.plans.find((p) => p.id === a)!.price;
	});

	const asTool = { type: 'n8n-nodes-esim.esimDistributeTool' };
	const byModel = (options: IDataObject) =>
		checkout([[a, 1]], {
			itemsInput: 'json',
			itemsJson:
				"={{ [{ planId: $fromAI('planId', 'plan id', 'string'), quantity: $fromAI('quantity', 'how many', 'number') }] }}",
			options,
		});
	const checkouts = () => requestsTo(f.sandbox, 'POST', '/orders/checkout');

	it('buys within a fixed Max Total, refuses above it with the limit in the message, and refuses without one', async () => {
		const limit = Math.ceil(price * 2);
		const within = await f.run(byModel({ maxTotal: limit }), [{ planId: a, quantity: 1 }], asTool);
		expect(within.status).toBe('success');
		expect(checkouts()).toBe(1);
		const above = await f.run(byModel({ maxTotal: limit }), [{ planId: a, quantity: 3 }], asTool);
		expect(above.error!.message).toBe(
			`Max Total: the basket costs ${(price * 3).toFixed(2)} USD, more than the limit of ${limit.toFixed(2)} USD. Nothing was bought. This tool may spend at most ${limit.toFixed(2)} USD per call; ask for less or for a person to buy it.`,
		);
		const none = await f.run(byModel({}), [{ planId: a, quantity: 1 }], asTool);
		expect(none.error!.message).toMatch(
			/^Refused: as an AI Agent tool this node buys only within a fixed Max Total/,
		);
		const wallet = await f.run(
			{ resource: 'topUp', operation: 'create', amount: 100, paymentMethod: 'bankTransfer' },
			[{}],
			asTool,
		);
		expect(wallet.error!.message).toMatch(/^Refused: /);
		expect(checkouts()).toBe(1);
		expect(requestsTo(f.sandbox, 'POST', '/top-up')).toBe(0);
	});

	it('validates a model-filled basket exactly as for a person', async () => {
		const { error } = await f.run(
			byModel({ maxTotal: 100 }),
			[{ planId: a, quantity: 51 }],
			asTool,
		);
		expect(error!.message).toBe('Quantity (entry 1): must be from 1 to 50 (got 51)');
		expect(checkouts()).toBe(0);
	});

	it('read-only operations need no limit', async () => {
		const { status, items } = await f.run({ resource: 'balance', operation: 'get' }, [{}], asTool);
		expect(status).toBe('success');
		expect(items[0].json).toMatchObject({ creditBalance: 1000 });
	});
});
