import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { distributeFixture, type DistributeFixture } from '../helpers/distribute';

type Handler = (req: IncomingMessage, body: string) => { status?: number; body: unknown };

/** A stand-in provider that answers in shapes the docs leave open (token field names, bare lists, success: false). */
async function stubProvider(
	routes: Record<string, Handler>,
): Promise<{ url: string; server: Server; hits: string[] }> {
	const hits: string[] = [];
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			const key = `${req.method} ${new URL(req.url ?? '/', 'http://stub').pathname}`;
			hits.push(key);
			const answer = routes[key]?.(req, body) ?? {
				status: 404,
				body: { success: false, data: null, message: 'Not found', error: 'NOT_FOUND' },
			};
			res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(answer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits };
}

const ok = (data: unknown) => ({ body: { success: true, data, message: 'OK', error: '' } });
const orders = Array.from({ length: 120 }, (_, n) => ({
	id: `o-${n}`,
	orderNumber: `ED-${n}`,
	status: 'completed',
}));
/** Orders the stub's checkout created, newest first. */
const placed: Array<Record<string, unknown>> = [];

describe('eSIM Distribute: tolerant of answers the docs leave open', () => {
	let stub: Awaited<ReturnType<typeof stubProvider>>;
	let f: DistributeFixture;
	beforeAll(async () => {
		stub = await stubProvider({
			'POST /api/tenant/login': (_req, body) =>
				JSON.parse(body).password === 'stub-password'
					? { body: { accessToken: 'aaa.bbb.ccc' } }
					: { status: 401, body: { error: 'bad login' } },
			'GET /api/tenant/balance': () => ({
				body: {
					success: false,
					data: null,
					message: 'Tenant account is suspended',
					error: 'TENANT_SUSPENDED',
				},
			}),
			'GET /api/tenant/profile': (req) =>
				req.headers.authorization === 'Bearer aaa.bbb.ccc'
					? ok({ tenant: { id: 't1', name: 'Stub' } })
					: { status: 401, body: {} },
			'GET /api/tenant/orders': () => ok([...placed, ...orders]),
			// The documented sample: a success without order objects.
			'POST /api/tenant/orders/checkout': (_req, body) => {
				const { items, email } = JSON.parse(body);
				for (const item of items)
					placed.unshift({
						id: `new-${placed.length}`,
						...item,
						customerEmail: email,
						createdAt: new Date().toISOString(),
					});
				return ok({
					orders: [],
					summary: {
						totalAmount: 9,
						orderCount: items.length,
						refundedAmount: 0,
						creditBalance: 300,
					},
				});
			},
			'GET /api/tenant/available-plans': () =>
				ok({ plans: [{ planId: 'p-1', name: 'Stub Plan', sellPrice: '4.50' }] }),
		});
		f = await distributeFixture(
			{},
			{ baseUrl: stub.url, email: 'stub@example.com', password: 'stub-password' },
		);
	});
	afterAll(async () => {
		await f.close();
		await new Promise((resolve) => stub.server.close(resolve));
	});
	beforeEach(() => {
		stub.hits.length = 0;
	});

	it('takes the token from another field name and sends it as Bearer', async () => {
		const { status, items } = await f.run({ resource: 'account', operation: 'getProfile' });
		expect(status).toBe('success');
		expect(items[0].json).toEqual({ id: 't1', name: 'Stub' });
		expect(f.token()).toBe('aaa.bbb.ccc');
	});

	it('success: false becomes an error carrying the provider message', async () => {
		const { error } = await f.run({ resource: 'balance', operation: 'get' });
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe(
			'eSIM Distribute did not carry out the request: Tenant account is suspended (TENANT_SUSPENDED)',
		);
		expect(stub.hits.filter((h) => h === 'GET /api/tenant/balance')).toHaveLength(1);
	});

	it('a list that arrives as a bare array without paging is read once', async () => {
		const { items } = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			simplify: false,
		});
		expect(items).toHaveLength(120);
		expect(stub.hits.filter((h) => h === 'GET /api/tenant/orders')).toHaveLength(1);
	});

	it('a checkout answer without orders (as in the docs sample) is completed from the order list', async () => {
		const { items } = await f.run({
			resource: 'order',
			operation: 'checkout',
			itemsInput: 'json',
			itemsJson: '[{ "planId": "p-1", "quantity": 2 }]',
			email: 'buyer@example.com',
			customerName: 'Test Customer',
			waitForFulfilment: false,
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: 'new-0',
			planId: 'p-1',
			quantity: 2,
			orderSource: 'orderList',
			reconciled: false,
		});
		expect(items[0].json.summary).toMatchObject({ creditBalance: 300 });
	});

	it('plans inside { plans } with other id and price fields', async () => {
		const { items } = await f.run({ resource: 'plan', operation: 'getMany', returnAll: true });
		expect(items[0].json).toMatchObject({ id: 'p-1', name: 'Stub Plan', price: 4.5 });
	});
});
