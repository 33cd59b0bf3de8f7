import type { Order } from '../../sandbox/distribute';
import type { Pagination } from '../../sandbox/distribute/validate';
import { ORIGIN, planId, setup } from './distribute-client';

interface CheckoutData {
	orders: Order[];
	summary: {
		totalAmount: number;
		orderCount: number;
		refundedAmount: number;
		creditBalance: number;
	};
}
type Detail = Order & { qrCode: string | null };

function ready(opts: Parameters<typeof setup>[0] = {}) {
	const t = setup(opts);
	t.login();
	const japan = planId(t.sim, 'Japan 5GB 30 Days');
	const korea = planId(t.sim, 'South Korea 3GB 15 Days');
	const buy = (items: unknown, extra: Record<string, unknown> = {}) =>
		t.call<CheckoutData>('POST', '/orders/checkout', {
			body: {
				items,
				email: 'customer@example.com',
				customerName: 'End Customer',
				phone: '88888888',
				...extra,
			},
		});
	return { ...t, japan, korea, buy };
}

describe('eSIM Distribute sim: checkout, fulfilment, orders', () => {
	it('checks out several items from the balance, one order each', () => {
		const t = ready();
		const res = t.buy([
			{ planId: t.japan, quantity: 2 },
			{ planId: t.korea, quantity: 1 },
		]);
		expect(res.status).toBe(200);
		expect(res.raw.committed).toBe(true);
		expect(res.body.message).toBe('Balance checkout completed');
		expect(res.body.error).toBe('');
		expect(res.body.data.summary).toEqual({
			totalAmount: 33.25,
			orderCount: 2,
			refundedAmount: 0,
			creditBalance: 966.75,
		});
		const [first, second] = res.body.data.orders as [Order, Order];
		expect(first).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			orderNumber: expect.stringMatching(/^ED-\d{8}$/),
			planId: t.japan,
			planName: 'Japan 5GB 30 Days',
			quantity: 2,
			unitPrice: 12.5,
			totalAmount: 25,
			currency: 'USD',
			status: 'pending',
			customerEmail: 'customer@example.com',
			customerName: 'End Customer',
			phone: '88888888',
			esims: [],
			createdAt: new Date(t.now()).toISOString(),
			updatedAt: new Date(t.now()).toISOString(),
		});
		expect(second.totalAmount).toBe(8.25);
		expect(second.orderNumber).not.toBe(first.orderNumber);
		expect(t.sim.balance).toBe(966.75);
		expect(t.sim.orders.map((o) => o.id)).toEqual([second.id, first.id]);
		expect(t.sim.transactions.map((x) => [x.type, x.amount, x.balanceAfter, x.reference])).toEqual([
			['checkout', -8.25, 966.75, second.id],
			['checkout', -25, 975, first.id],
		]);
	});

	it('validates the basket and names the field', () => {
		const t = ready();
		const cases: [unknown, Record<string, unknown>, string][] = [
			[[], {}, 'items must be a non-empty array'],
			[undefined, {}, 'items must be a non-empty array'],
			[
				Array.from({ length: 21 }, () => ({ planId: t.japan, quantity: 1 })),
				{},
				'items must have at most 20 entries',
			],
			[[{ planId: t.japan, quantity: 0 }], {}, 'items[0].quantity must be a positive integer'],
			[
				[
					{ planId: t.japan, quantity: 1 },
					{ planId: t.japan, quantity: 1.5 },
				],
				{},
				'items[1].quantity must be a positive integer',
			],
			[[{ planId: t.japan, quantity: '2' }], {}, 'items[0].quantity must be a positive integer'],
			[[{ planId: t.japan, quantity: 51 }], {}, 'items[0].quantity must be at most 50'],
			[[{ quantity: 1 }], {}, 'items[0].planId is required'],
			[
				[{ planId: 'plan_uuid', quantity: 1 }],
				{},
				'items[0].planId plan_uuid is not a known active plan',
			],
			[['x'], {}, 'items[0] must be an object'],
			[
				[{ planId: t.japan, quantity: 1 }],
				{ email: 'nope' },
				'email must be a valid email address',
			],
			[[{ planId: t.japan, quantity: 1 }], { email: undefined }, 'email is required'],
			[[{ planId: t.japan, quantity: 1 }], { phone: 88888888 }, 'phone must be a string'],
		];
		for (const [items, extra, message] of cases) {
			const res = t.buy(items, extra);
			expect([res.status, res.body.error, res.body.message, res.body.data]).toEqual([
				400,
				'VALIDATION_ERROR',
				message,
				null,
			]);
		}
		const inactive = t.sim.plans.find((p) => !p.active);
		expect(t.buy([{ planId: inactive?.id, quantity: 1 }]).status).toBe(400);
		const noExtras = t.buy([{ planId: t.japan, quantity: 1 }], {
			customerName: undefined,
			phone: null,
		});
		expect(noExtras.status).toBe(200);
		expect(noExtras.body.data.orders[0]).toMatchObject({ customerName: null, phone: null });
		expect(t.sim.orders).toHaveLength(1);
	});

	it('refuses a basket above the balance with 402 and moves nothing', () => {
		const t = ready();
		t.sim.setBalance(3);
		const res = t.buy([{ planId: t.japan, quantity: 1 }]);
		expect(res.status).toBe(402);
		expect(res.raw.committed).toBeUndefined();
		expect(res.body).toEqual({
			success: false,
			data: null,
			message: 'Insufficient balance: need 12.50, have 3.00',
			error: 'INSUFFICIENT_BALANCE',
		});
		expect(t.sim.balance).toBe(3);
		expect(t.sim.orders).toHaveLength(0);
		expect(t.sim.transactions).toHaveLength(0);
		t.sim.setBalance(12.5);
		expect(t.buy([{ planId: t.japan, quantity: 1 }]).status).toBe(200);
		expect(t.sim.balance).toBe(0);
	});

	it('fulfils orders lazily after the delay with eSIMs and QR details', () => {
		const t = ready();
		const id = (t.buy([{ planId: t.japan, quantity: 2 }]).body.data.orders[0] as Order).id;
		const pending = t.call<Detail>('GET', `/orders/${id}`).body.data;
		expect(pending.status).toBe('pending');
		expect(pending.qrCode).toBeNull();
		t.advance(299);
		expect(t.call<Detail>('GET', `/orders/${id}`).body.data.status).toBe('pending');
		t.advance(1);
		const done = t.call<Detail>('GET', `/orders/${id}`).body.data;
		expect(done.status).toBe('completed');
		expect(done.updatedAt).toBe(new Date(t.now()).toISOString());
		expect(done.esims).toHaveLength(2);
		for (const esim of done.esims) {
			expect(esim.iccid).toMatch(/^8985200\d{13}$/);
			expect(esim.activationCode).toBe(`LPA:1$smdp.sandbox.esimdistribute.test$${esim.matchingId}`);
			expect(esim.smdpAddress).toBe('smdp.sandbox.esimdistribute.test');
			expect(esim.qrCodeUrl).toBe(`${ORIGIN}/qr/${esim.iccid}.png`);
		}
		expect(done.qrCode).toBe(done.esims[0]?.activationCode);
		expect(new Set(done.esims.map((e) => e.iccid)).size).toBe(2);
		const missing = t.call('GET', '/orders/00000000-0000-4000-8000-000000000000');
		expect([missing.status, missing.body.error]).toEqual([404, 'NOT_FOUND']);
	});

	it('tick(now) processes due fulfilments without a request', () => {
		const t = ready({ fulfilmentDelayMs: 1000 });
		t.buy([{ planId: t.japan, quantity: 1 }]);
		t.sim.tick(t.now() + 500);
		expect(t.sim.orders[0]?.status).toBe('pending');
		t.sim.tick(t.now() + 1000);
		expect(t.sim.orders[0]?.status).toBe('completed');
	});

	it('fails and refunds orders per the failure rate', () => {
		const t = ready({ failureRate: 1 });
		const order = t.buy([{ planId: t.japan, quantity: 2 }]).body.data.orders[0] as Order;
		expect(t.sim.balance).toBe(975);
		t.advance(300);
		const detail = t.call<Detail>('GET', `/orders/${order.id}`).body.data;
		expect(detail.status).toBe('failed');
		expect(detail.esims).toEqual([]);
		expect(detail.qrCode).toBeNull();
		expect(t.sim.balance).toBe(1000);
		expect(t.sim.transactions[0]).toMatchObject({
			type: 'refund',
			amount: 25,
			balanceAfter: 1000,
			reference: order.id,
		});
		t.sim.setOrderStatus(order.id, 'refunded');
		expect(t.sim.balance).toBe(1000);
	});

	it('lets admin set any status, refunding charged orders once', () => {
		const t = ready({ fulfilmentDelayMs: 10_000 });
		const [a, b] = t.buy([
			{ planId: t.japan, quantity: 1 },
			{ planId: t.korea, quantity: 1 },
		]).body.data.orders as [Order, Order];
		expect(t.admin('POST', `orders/${a.id}/status`, { status: 'processing' }).status).toBe(200);
		t.advance(20_000);
		expect(t.call<Detail>('GET', `/orders/${a.id}`).body.data.status).toBe('processing');
		expect(t.call<Detail>('GET', `/orders/${b.id}`).body.data.status).toBe('completed');
		t.admin('POST', `orders/${a.id}/status`, { status: 'completed' });
		expect(t.sim.findOrder(a.id)?.esims).toHaveLength(1);
		t.admin('POST', `orders/${b.id}/status`, { status: 'cancelled' });
		t.admin('POST', `orders/${b.id}/status`, { status: 'refunded' });
		expect(t.sim.balance).toBe(1000 - 12.5);
		expect(t.sim.transactions.filter((x) => x.type === 'refund')).toHaveLength(1);
		expect(t.admin('POST', `orders/${b.id}/status`, { status: 'lost' }).status).toBe(400);
		expect(t.admin('POST', 'orders/nope/status', { status: 'failed' }).status).toBe(404);
	});

	it('lists orders newest first with page/limit, status and email filters', () => {
		const t = ready();
		t.sim.seedOrders(45, { spacingMs: 1000 });
		const own = t.buy([{ planId: t.japan, quantity: 1 }], { email: 'Special@Example.com' }).body
			.data.orders[0] as Order;
		type List = { orders: Order[]; pagination: Pagination };
		const first = t.call<List>('GET', '/orders').body.data;
		expect(first.pagination).toEqual({ page: 1, limit: 20, total: 46, totalPages: 3 });
		expect(first.orders[0]?.id).toBe(own.id);
		expect(first.orders[0]).not.toHaveProperty('tenantId');
		const page3 = t.call<List>('GET', '/orders', { query: { page: '3', limit: '20' } }).body.data;
		expect(page3.orders).toHaveLength(6);
		const all = t.sim.orders.map((o) => o.id);
		expect(page3.orders.map((o) => o.id)).toEqual(all.slice(40));
		expect(t.call<List>('GET', '/orders', { query: { page: '4' } }).body.data.orders).toEqual([]);
		expect(
			t.call<List>('GET', '/orders', { query: { limit: '500' } }).body.data.pagination.limit,
		).toBe(100);
		expect(
			t
				.call<List>('GET', '/orders', { query: { status: 'pending' } })
				.body.data.orders.map((o) => o.id),
		).toEqual([own.id]);
		expect(
			t.call<List>('GET', '/orders', { query: { email: 'special@example.com' } }).body.data
				.pagination.total,
		).toBe(1);
		expect(t.call('GET', '/orders', { query: { page: '0' } }).body.message).toBe(
			'page must be a positive integer',
		);
		expect(t.call('GET', '/orders', { query: { status: 'shipped' } }).status).toBe(400);
		t.login({ email: 'demo@esimdistribute.test', password: 'demo-password' });
		t.call('POST', '/register', {
			body: {
				name: 'Other',
				subdomain: 'other',
				contactEmail: 'o@example.com',
				password: 'password1',
			},
		});
		t.login({ email: 'o@example.com', password: 'password1' });
		expect(t.call<List>('GET', '/orders').body.data.pagination.total).toBe(0);
		expect(t.call('GET', `/orders/${own.id}`).status).toBe(404);
	});

	it('seeds 10,000 orders without moving money', () => {
		const t = ready();
		t.sim.seedOrders(10_000);
		expect(t.sim.orders).toHaveLength(10_000);
		expect(t.sim.balance).toBe(1000);
		expect(t.sim.transactions).toHaveLength(0);
		expect(t.sim.orders[0]?.status).toBe('completed');
		expect(t.sim.orders[0]?.esims.length).toBeGreaterThan(0);
		const res = t.admin<{ seeded: number; total: number }>('POST', 'orders/seed', {
			n: 5,
			status: 'pending',
		});
		expect(res.body.data).toEqual({ seeded: 5, total: 10_005 });
		t.advance(60_000);
		expect(
			t.call<{ pagination: Pagination }>('GET', '/orders', { query: { status: 'pending' } }).body
				.data.pagination.total,
		).toBe(5);
	});
});
