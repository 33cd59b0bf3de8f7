import type { IHttpRequestOptions } from 'n8n-workflow';

import { EsimDistributeApi } from '../../credentials/EsimDistributeApi.credentials';
import { distributeFixture, EMAIL, PASSWORD, type DistributeFixture } from '../helpers/distribute';

const balance = { resource: 'balance', operation: 'get' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The credential's preAuthentication with n8n's request helper replaced by fetch. */
async function preAuth(credentials: Record<string, string>, calls: IHttpRequestOptions[] = []) {
	const httpRequest = async (options: IHttpRequestOptions) => {
		calls.push(options);
		const res = await fetch(options.url, {
			method: options.method,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(options.body),
		});
		return { statusCode: res.status, headers: {}, body: await res.json() };
	};
	const helper = { helpers: { httpRequest } } as never;
	return await new EsimDistributeApi().preAuthentication.call(helper, credentials);
}

describe('eSIM Distribute sign-in: the session token is fetched, stored and refreshed by n8n', () => {
	let f: DistributeFixture;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => {
		f.sandbox.reset();
		f.harness.credentials.store.esimDistributeApi.sessionToken = '';
		f.harness.credentials.preAuthCalls.esimDistributeApi = 0;
	});

	it('signs in once and reuses the stored token on later runs', async () => {
		const first = await f.run(balance);
		expect(first.status).toBe('success');
		expect(first.items[0].json).toEqual({ creditBalance: 1000, currency: 'USD' });
		expect(f.token()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
		await f.run(balance, [{}, {}, {}]);
		expect(f.sandbox.distribute.loginCount).toBe(1);
		expect(f.harness.credentials.preAuthCalls.esimDistributeApi).toBe(1);
	});

	it('an expired token is refreshed transparently: exactly one new sign-in', async () => {
		f.sandbox.distribute.setTokenLifetime(1);
		const first = await f.run(balance);
		expect(first.status).toBe('success');
		const oldToken = f.token();
		await sleep(1200);
		const second = await f.run(balance);
		expect(second.status).toBe('success');
		expect(second.items[0].json.creditBalance).toBe(1000);
		expect(f.sandbox.distribute.loginCount).toBe(2);
		expect(f.harness.credentials.preAuthCalls.esimDistributeApi).toBe(2);
		expect(f.token()).not.toBe(oldToken);
		const statuses = f.sandbox.log.entries({ path: '/api/tenant/balance' }).map((e) => e.status);
		expect(statuses).toEqual([200, 401, 200]);
	});

	it('a 401 in the middle of a run refreshes once and repeats only that call', async () => {
		const { status, outputs } = await f.runTwice(
			balance,
			{ resource: 'account', operation: 'getProfile' },
			() => f.sandbox.distribute.advanceClock(3_601_000),
		);
		expect(status).toBe('success');
		expect(outputs.Second[0].json).toMatchObject({ contactEmail: EMAIL, subdomain: 'demo' });
		expect(f.sandbox.distribute.loginCount).toBe(2);
		expect(f.harness.credentials.preAuthCalls.esimDistributeApi).toBe(2);
		expect(f.sandbox.log.entries({ path: '/api/tenant/profile' }).map((e) => e.status)).toEqual([
			401, 200,
		]);
	});

	it('a refused password is explained, never shown, and not retried in a loop', async () => {
		f.harness.credentials.store.esimDistributeApi.password = 'wrong-password-value';
		try {
			const { error, run } = await f.run(balance);
			expect(error!.httpCode).toBe('401');
			expect(error!.message).toBe(
				'eSIM Distribute did not accept the sign-in with the email and password of the credential (401 Unauthorized)',
			);
			expect(error!.description).toContain('Invalid email or password');
			expect(JSON.stringify(run)).not.toContain('wrong-password-value');
			expect(f.sandbox.log.count({ path: '/api/tenant/login' })).toBe(1);
			expect(f.sandbox.log.count({ path: '/api/tenant/balance' })).toBe(0);
		} finally {
			f.harness.credentials.store.esimDistributeApi.password = PASSWORD;
		}
	});

	it('no password or token in any output, error or request log', async () => {
		const ok = await f.run(balance);
		const token = f.token();
		f.sandbox.distribute.setBalance(0);
		const failed = await f.run({
			resource: 'order',
			operation: 'checkout',
			itemsInput: 'json',
			itemsJson: JSON.stringify([{ planId: f.sandbox.distribute.plans[0].id, quantity: 1 }]),
			email: 'a@example.com',
			customerName: 'Test Customer',
		});
		expect(failed.error!.httpCode).toBe('402');
		for (const text of [
			JSON.stringify(ok.run),
			JSON.stringify(failed.run),
			JSON.stringify(f.sandbox.log.entries()),
		]) {
			expect(text).not.toContain(PASSWORD);
			expect(text).not.toContain(token);
		}
	});
});

describe('eSIM Distribute credential', () => {
	let f: DistributeFixture;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	it('preAuthentication returns the session token from the sign-in', async () => {
		const out = await preAuth({
			email: EMAIL,
			password: PASSWORD,
			baseUrl: `${f.sandbox.distributeBaseUrl}/`,
		});
		expect(String(out.sessionToken)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(f.sandbox.distribute.loginCount).toBe(1);
	});

	it('a refused sign-in says the email or password was refused, without the password', async () => {
		const error = await preAuth({
			email: EMAIL,
			password: 'not-the-password',
			baseUrl: f.sandbox.distributeBaseUrl,
		}).catch((e: Error) => e);
		expect(String((error as Error).message)).toMatch(
			/^eSIM Distribute refused the email or password of the credential \(HTTP 401: Invalid email or password/,
		);
		expect(JSON.stringify(error)).not.toContain('not-the-password');
		expect(String((error as Error).message)).not.toContain('not-the-password');
	});

	it('refuses a plain-http base URL before sending the password', async () => {
		const calls: IHttpRequestOptions[] = [];
		const error = await preAuth(
			{ email: EMAIL, password: PASSWORD, baseUrl: 'http://esimdistribute.example' },
			calls,
		).catch((e: Error) => e);
		expect((error as Error).message).toMatch(
			/Base URL must start with https:\/\/.*The email and password were not sent/,
		);
		expect(calls).toHaveLength(0);
	});

	it('the node refuses a plain-http base URL before anything is sent', async () => {
		const insecure = await distributeFixture({}, { baseUrl: 'http://esimdistribute.example' });
		try {
			const { error } = await insecure.run(balance);
			expect(error!.message).toMatch(/Base URL must start with https:\/\//);
			expect(insecure.sandbox.log.count({})).toBe(0);
		} finally {
			await insecure.close();
		}
	});

	it('uses a Bearer header from the stored token and tests the profile route', () => {
		const type = new EsimDistributeApi();
		expect(type.authenticate.properties.headers).toEqual({
			Authorization: '=Bearer {{$credentials.sessionToken}}',
		});
		expect(type.test.request.url).toBe('/api/tenant/profile');
		const hidden = type.properties.find((p) => p.name === 'sessionToken')!;
		expect(hidden).toMatchObject({
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
		});
	});
});
