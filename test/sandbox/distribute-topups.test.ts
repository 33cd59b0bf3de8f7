import type { Topup, Transaction } from '../../sandbox/distribute';
import type { Pagination } from '../../sandbox/distribute/validate';
import { ORIGIN, setup } from './distribute-client';

const URLS = {
	successUrl: 'https://esimdistribute.com/dashboard/billing',
	cancelUrl: 'https://esimdistribute.com/dashboard/billing',
};

function ready() {
	const t = setup();
	t.login();
	const create = (body: Record<string, unknown>) => t.call<Topup>('POST', '/top-up', { body });
	return { ...t, create };
}

describe('eSIM Distribute sim: top-ups and transactions', () => {
	it('runs the stripe lifecycle: pending, then paid via admin, crediting once', () => {
		const t = ready();
		const res = t.create({ amount: 300, paymentMethod: 'stripe', ...URLS });
		expect(res.status).toBe(201);
		expect(res.raw.committed).toBe(true);
		const topup = res.body.data;
		expect(topup).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			amount: 300,
			currency: 'USD',
			paymentMethod: 'stripe',
			status: 'pending',
			...URLS,
			checkoutUrl: `${ORIGIN}/stripe/checkout/${topup.id}`,
			createdAt: new Date(t.now()).toISOString(),
			updatedAt: new Date(t.now()).toISOString(),
		});
		expect(t.sim.balance).toBe(1000);
		expect(t.call<Topup>('GET', `/top-up/${topup.id}`).body.data.status).toBe('pending');
		const proof = t.call('POST', `/top-up/${topup.id}/proof`, {
			body: { transferProofUrl: 'https://x.example/p.png' },
		});
		expect([proof.status, proof.body.error]).toEqual([409, 'CONFLICT']);

		const paid = t.admin<Topup>('POST', `topups/${topup.id}/paid`);
		expect(paid.body.data.status).toBe('paid');
		expect(t.sim.balance).toBe(1300);
		expect(t.call<Topup>('GET', `/top-up/${topup.id}`).body.data.status).toBe('paid');
		expect(t.sim.transactions[0]).toMatchObject({
			type: 'topup',
			amount: 300,
			balanceAfter: 1300,
			reference: topup.id,
		});
		expect(t.admin('POST', `topups/${topup.id}/paid`).status).toBe(409);
		expect(t.admin('POST', `topups/${topup.id}/reject`).status).toBe(409);
		expect(t.sim.balance).toBe(1300);
	});

	it('runs the bank transfer lifecycle: awaiting proof, proof submitted, approved', () => {
		const t = ready();
		const topup = t.create({ amount: 150.5, paymentMethod: 'bank_transfer' }).body.data;
		expect(topup).toMatchObject({
			status: 'awaiting_proof',
			successUrl: null,
			cancelUrl: null,
			transferProofUrl: null,
			bankDetails: {
				bankName: expect.any(String),
				accountName: expect.any(String),
				accountNumber: expect.any(String),
				reference: expect.stringMatching(/^TU-/),
			},
		});
		expect(topup).not.toHaveProperty('checkoutUrl');
		expect(t.admin('POST', `topups/${topup.id}/approve`).status).toBe(409);
		const badUrl = t.call('POST', `/top-up/${topup.id}/proof`, {
			body: { transferProofUrl: 'http://evil.example/p.png' },
		});
		expect([badUrl.status, badUrl.body.message]).toEqual([
			400,
			'transferProofUrl must be an https URL',
		]);
		const proof = t.call<Topup>('POST', `/top-up/${topup.id}/proof`, {
			body: { transferProofUrl: 'https://your-storage.example.com/proof.png' },
		});
		expect(proof.status).toBe(200);
		expect(proof.body.data).toMatchObject({
			status: 'proof_submitted',
			transferProofUrl: 'https://your-storage.example.com/proof.png',
		});
		expect(
			t.call('POST', `/top-up/${topup.id}/proof`, {
				body: { transferProofUrl: 'https://a.example/b.png' },
			}).status,
		).toBe(409);
		expect(t.admin<Topup>('POST', `topups/${topup.id}/approve`).body.data.status).toBe('approved');
		expect(t.sim.balance).toBe(1150.5);
		expect(t.sim.findTopup(topup.id)?.status).toBe('approved');
	});

	it('rejects a bank transfer without crediting', () => {
		const t = ready();
		const topup = t.create({ amount: 10, paymentMethod: 'bank_transfer', ...URLS }).body.data;
		t.call('POST', `/top-up/${topup.id}/proof`, {
			body: { transferProofUrl: 'https://a.example/b.png' },
		});
		expect(t.admin<Topup>('POST', `topups/${topup.id}/reject`).body.data.status).toBe('rejected');
		expect(t.admin('POST', `topups/${topup.id}/approve`).status).toBe(409);
		expect(t.sim.balance).toBe(1000);
		expect(t.sim.transactions).toHaveLength(0);
		expect(t.admin<Topup[]>('GET', 'topups').body.data.map((x) => x.status)).toEqual(['rejected']);
	});

	it('validates top-up requests', () => {
		const t = ready();
		const cases: [Record<string, unknown>, string][] = [
			[{ paymentMethod: 'stripe', ...URLS }, 'amount is required'],
			[{ amount: '300', paymentMethod: 'stripe', ...URLS }, 'amount must be a number'],
			[{ amount: 9.99, paymentMethod: 'stripe', ...URLS }, 'amount must be between 10 and 10000'],
			[{ amount: 10_001, paymentMethod: 'stripe', ...URLS }, 'amount must be between 10 and 10000'],
			[{ amount: 10.005, paymentMethod: 'stripe', ...URLS }, 'amount must have at most 2 decimals'],
			[
				{ amount: 300, paymentMethod: 'paypal', ...URLS },
				'paymentMethod must be one of: stripe, bank_transfer',
			],
			[
				{ amount: 300, paymentMethod: 'stripe', cancelUrl: URLS.cancelUrl },
				'successUrl is required',
			],
			[
				{ amount: 300, paymentMethod: 'stripe', ...URLS, cancelUrl: 'http://example.com/x' },
				'cancelUrl must be an https URL',
			],
			[
				{ amount: 300, paymentMethod: 'stripe', ...URLS, successUrl: 'not a url' },
				'successUrl must be a valid URL',
			],
		];
		for (const [body, message] of cases) {
			const res = t.create(body);
			expect([res.status, res.body.error, res.body.message]).toEqual([
				400,
				'VALIDATION_ERROR',
				message,
			]);
		}
		const local = t.create({
			amount: 300,
			paymentMethod: 'stripe',
			successUrl: 'http://localhost:5678/ok',
			cancelUrl: 'http://127.0.0.1/no',
		});
		expect(local.status).toBe(201);
		expect(t.call('GET', '/top-up/unknown').status).toBe(404);
		expect(t.admin('POST', 'topups/unknown/paid').status).toBe(404);
		expect(
			t.call('POST', '/top-up', {
				body: { amount: 300, paymentMethod: 'stripe', ...URLS },
				token: '',
			}).status,
		).toBe(401);
	});

	it('lists transactions newest first with pagination and matching balances', () => {
		const t = ready();
		const japan = t.sim.plans[1]?.id;
		t.call('POST', '/orders/checkout', {
			body: { items: [{ planId: japan, quantity: 1 }], email: 'a@example.com' },
		});
		t.advance(300);
		const topup = t.create({ amount: 100, paymentMethod: 'stripe', ...URLS }).body.data;
		t.admin('POST', `topups/${topup.id}/paid`);
		t.sim.setFulfilment({ failureRate: 1 });
		t.call('POST', '/orders/checkout', {
			body: { items: [{ planId: japan, quantity: 2 }], email: 'a@example.com' },
		});
		t.advance(300);
		type List = { transactions: Transaction[]; pagination: Pagination };
		const res = t.call<List>('GET', '/transactions');
		expect(res.status).toBe(200);
		expect(res.body.data.pagination).toEqual({ page: 1, limit: 20, total: 4, totalPages: 1 });
		const list = res.body.data.transactions;
		expect(list.map((x) => [x.type, x.amount, x.balanceAfter])).toEqual([
			['refund', 25, 1087.5],
			['checkout', -25, 1062.5],
			['topup', 100, 1087.5],
			['checkout', -12.5, 987.5],
		]);
		expect(list[0]).toEqual({
			id: expect.any(String),
			type: 'refund',
			amount: 25,
			balanceAfter: 1087.5,
			reference: expect.any(String),
			description: expect.stringMatching(/^Refund for order ED-\d{8}$/),
			createdAt: new Date(t.now()).toISOString(),
		});
		const page2 = t.call<List>('GET', '/transactions', { query: { page: '2', limit: '2' } }).body
			.data;
		expect(page2.transactions.map((x) => x.id)).toEqual(list.slice(2, 4).map((x) => x.id));
		expect(page2.pagination).toEqual({ page: 2, limit: 2, total: 4, totalPages: 2 });
		expect(
			t.call<{ creditBalance: number; currency: string }>('GET', '/balance').body.data,
		).toEqual({ creditBalance: 1087.5, currency: 'USD' });
	});
});
