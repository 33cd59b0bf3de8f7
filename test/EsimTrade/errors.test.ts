import { SECRET, tradeFixture, type TradeFixture } from '../helpers/trade';

describe('eSIMTrade errors say what happened and how to fix it', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	it('401: points at the credential, without leaking the secret', async () => {
		const wrong = await tradeFixture({}, { secretKey: 'wrong-secret-value' });
		try {
			const { error, run } = await wrong.run({ resource: 'wallet', operation: 'getBalance' });
			expect(error!.httpCode).toBe('401');
			expect(error!.message).toBe('eSIMTrade did not accept the credentials (401 Unauthorized)');
			expect(error!.description).toMatch(/Open the "eSIMTrade API" credential/);
			expect(JSON.stringify(run)).not.toContain('wrong-secret-value');
		} finally {
			await wrong.close();
		}
	});

	it('5xx: retried with backoff, then reported with the attempt count', async () => {
		f.sandbox.faults.addRule({ route: 'GET /api/v1/portal/balance', kind: '5xx', count: 10 });
		const { error } = await f.run({ resource: 'wallet', operation: 'getBalance' });
		expect(error!.httpCode).toBe('503');
		expect(error!.message).toBe('eSIMTrade had a server error (503) (tried 6 times)');
		expect(f.sandbox.log.count({ path: '/api/v1/portal/balance' })).toBe(6);
	}, 30_000);

	it('429: waits as long as Retry-After says, then succeeds', async () => {
		f.sandbox.faults.set({ rateLimit: { limit: 2, windowMs: 1000 } });
		const { status, items } = await f.run({ resource: 'wallet', operation: 'getBalance' }, [
			{},
			{},
			{},
			{},
		]);
		expect(status).toBe('success');
		expect(items).toHaveLength(4);
		expect(f.sandbox.log.entries().filter((e) => e.status === 429).length).toBeGreaterThan(0);
	});

	it('continue on fail turns an API error into an item with the message and status code', async () => {
		const { status, items } = await f.run(
			{ resource: 'plan', operation: 'get', plan: { __rl: true, mode: 'id', value: 'NOPE_1' } },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		expect(status).toBe('success');
		expect(items[0].json).toMatchObject({
			error: 'Plan "NOPE_1" was not found at eSIMTrade',
			statusCode: 404,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('network failure: a refused connection is explained', async () => {
		const dead = await tradeFixture();
		await dead.sandbox.close();
		const { error } = await dead.run({ resource: 'wallet', operation: 'getBalance' });
		expect(error!.message).toBe('Could not reach eSIMTrade (ECONNREFUSED)');
		expect(error!.description).toMatch(/Check the Base URL/);
	}, 30_000);

	it('no secret in the request log', () => {
		expect(JSON.stringify(f.sandbox.log.entries())).not.toContain(SECRET);
	});
});
