import { distributeFixture, requestsTo, type DistributeFixture } from '../helpers/distribute';

describe('eSIM Distribute top-ups', () => {
	let f: DistributeFixture;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const sim = () => f.sandbox.distribute;
	const stripe = {
		resource: 'topUp',
		operation: 'create',
		amount: 300,
		paymentMethod: 'stripe',
		successUrl: 'https://example.com/billing/done',
		cancelUrl: 'https://example.com/billing',
	};

	it('creates a Stripe top-up with a checkout URL; its status follows the payment', async () => {
		const { items } = await f.run(stripe);
		const topUp = items[0].json;
		expect(topUp).toMatchObject({ amount: 300, paymentMethod: 'stripe', status: 'pending' });
		expect(String(topUp.checkoutUrl)).toContain('/stripe/checkout/');
		const before = await f.run({ resource: 'topUp', operation: 'getStatus', topUpId: topUp.id });
		expect(before.items[0].json.status).toBe('pending');
		await f.sandbox.distribute.admin(
			'POST',
			`topups/${String(topUp.id)}/paid`,
			undefined,
			f.sandbox.url,
		);
		const after = await f.run({ resource: 'topUp', operation: 'getStatus', topUpId: topUp.id });
		expect(after.items[0].json.status).toBe('paid');
		expect(sim().balance).toBe(1300);
	});

	it('bank transfer: created awaiting proof, the proof URL moves it on, a second proof is explained', async () => {
		const { items } = await f.run({
			resource: 'topUp',
			operation: 'create',
			amount: 150.5,
			paymentMethod: 'bankTransfer',
		});
		const topUp = items[0].json;
		expect(topUp).toMatchObject({
			paymentMethod: 'bank_transfer',
			status: 'awaiting_proof',
			amount: 150.5,
		});
		expect(topUp.bankDetails).toBeDefined();
		const proof = {
			resource: 'topUp',
			operation: 'uploadProof',
			topUpId: topUp.id,
			transferProofUrl: 'https://files.example.com/proof.png',
		};
		const sent = await f.run(proof);
		expect(sent.items[0].json).toMatchObject({
			status: 'proof_submitted',
			transferProofUrl: 'https://files.example.com/proof.png',
		});
		const again = await f.run(proof);
		expect(again.error!.httpCode).toBe('409');
		expect(again.error!.message).toBe('This top-up does not take a transfer proof now');
	});

	it('an unknown top-up id is explained', async () => {
		const { error } = await f.run({
			resource: 'topUp',
			operation: 'getStatus',
			topUpId: 'no-such-top-up',
		});
		expect(error!.message).toBe('Top-up no-such-top-up was not found at eSIM Distribute');
	});

	it('a reset after the top-up was created is reported as outcome unknown and never repeated', async () => {
		f.sandbox.faults.addRule({
			route: 'POST /api/tenant/top-up',
			kind: 'reset-after-commit',
			count: 1,
		});
		const { error } = await f.run(stripe);
		expect(error!.message).toMatch(
			/^Outcome unknown: the connection to eSIM Distribute failed \(ECONNRESET\) after the request was sent/,
		);
		expect(error!.description).toMatch(/may or may not have been created/);
		expect(requestsTo(f.sandbox, 'POST', '/top-up')).toBe(1);
		expect(sim().topups).toHaveLength(1);
	});
});
