import { startSandbox, type Sandbox } from '../../sandbox';

/** A decoded JSON response body; shapes are asserted by the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = { success: boolean; error: string; data: any };

async function json(res: Response | Promise<Response>): Promise<Json> {
	return (await (await res).json()) as Json;
}

describe('eSIM Distribute sim over HTTP', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());

	async function api(method: string, path: string, token?: string, body?: unknown) {
		return fetch(`${sb.distributeBaseUrl}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
				...(token ? { Authorization: `Bearer ${token}` } : {}),
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
	}

	it('logs in, checks out, fulfils, serves the QR image and exports CSV', async () => {
		const login = await json(
			api('POST', '/api/tenant/login', undefined, sb.distribute.demoCredentials),
		);
		const token = login.data.token as string;
		const planId = sb.distribute.plans[0]?.id;
		const checkout = await api('POST', '/api/tenant/orders/checkout', token, {
			items: [{ planId, quantity: 1 }],
			email: 'c@example.com',
		});
		expect(checkout.status).toBe(200);
		const order = (await json(checkout)).data.orders[0];
		sb.distribute.advanceClock(300);
		const detail = await json(api('GET', `/api/tenant/orders/${order.id}`, token));
		expect(detail.data.status).toBe('completed');
		const qrUrl = detail.data.esims[0].qrCodeUrl as string;
		expect(qrUrl.startsWith(sb.url)).toBe(true);
		const png = await fetch(qrUrl);
		expect(png.status).toBe(200);
		expect(png.headers.get('content-type')).toBe('image/png');

		const csv = await api('GET', '/api/tenant/orders/export', token);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.headers.get('content-disposition')).toMatch(
			/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/,
		);
		const lines = (await csv.text()).split('\r\n');
		expect(lines[0]).toMatch(/^orderNumber,orderId,/);
		expect(lines[1]).toContain(order.id);

		const bad = await api('POST', '/api/tenant/orders/checkout', token, '{"items":');
		expect(bad.status).toBe(400);
		expect(await json(bad)).toMatchObject({ success: false, error: 'VALIDATION_ERROR' });
		const entry = sb.log.entries({ path: '/api/tenant/orders/checkout' })[0];
		expect(entry?.principal).toBe(sb.distribute.demoTenantId);
	});

	it('drives the top-up lifecycle through the admin API', async () => {
		const token = (
			await json(api('POST', '/api/tenant/login', undefined, sb.distribute.demoCredentials))
		).data.token;
		const created = await json(
			api('POST', '/api/tenant/top-up', token, {
				amount: 300,
				paymentMethod: 'stripe',
				successUrl: 'https://esimdistribute.com/dashboard/billing',
				cancelUrl: 'https://esimdistribute.com/dashboard/billing',
			}),
		);
		const paid = await fetch(`${sb.url}/__admin/distribute/topups/${created.data.id}/paid`, {
			method: 'POST',
		});
		expect((await json(paid)).data.status).toBe('paid');
		const balance = await json(api('GET', '/api/tenant/balance', token));
		expect(balance.data).toEqual({ creditBalance: 1300, currency: 'USD' });
		await fetch(`${sb.url}/__admin/distribute/token-lifetime`, {
			method: 'POST',
			body: JSON.stringify({ seconds: 1 }),
		});
		const shortLived = (
			await json(api('POST', '/api/tenant/login', undefined, sb.distribute.demoCredentials))
		).data.token;
		await fetch(`${sb.url}/__admin/distribute/clock/advance`, {
			method: 'POST',
			body: JSON.stringify({ ms: 1500 }),
		});
		const expired = await api('GET', '/api/tenant/profile', shortLived);
		expect(expired.status).toBe(401);
		expect((await json(expired)).error).toBe('TOKEN_EXPIRED');
		const stats = await json(fetch(`${sb.url}/__admin/distribute/stats`));
		expect(stats.data.loginCount).toBe(2);
	});
});
