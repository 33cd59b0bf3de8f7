import { createDistributeSim } from '../../sandbox/distribute';
import type { Plan } from '../../sandbox/distribute';
import { ORIGIN, setup } from './distribute-client';

interface LoginData {
	token: string;
	tokenType: string;
	expiresIn: number;
	tenant: { id: string; name: string; subdomain: string };
}

describe('eSIM Distribute sim: auth, account, plans, envelope', () => {
	it('logs in with the demo tenant and uses the token', () => {
		const t = setup();
		const res = t.call<LoginData>('POST', '/login', { body: t.sim.demoCredentials });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ success: true, error: '', message: expect.any(String) });
		const { token, tokenType, expiresIn, tenant } = res.body.data;
		expect(tokenType).toBe('Bearer');
		expect(expiresIn).toBe(3600);
		expect(tenant).toEqual({ id: t.sim.demoTenantId, name: 'Demo Tenant', subdomain: 'demo' });
		expect(token.split('.')).toHaveLength(3);
		const payload = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
		expect(payload.sub).toBe(tenant.id);
		expect(payload.exp).toBe((t.now() + 3_600_000) / 1000);
		expect(t.sim.loginCount).toBe(1);

		const profile = t.call('GET', '/profile', { token });
		expect(profile.status).toBe(200);
		expect(profile.raw.principal).toBe(tenant.id);
		expect(profile.body.data).toEqual({
			id: tenant.id,
			name: 'Demo Tenant',
			subdomain: 'demo',
			contactEmail: 'demo@esimdistribute.test',
			status: 'active',
			creditBalance: 1000,
			currency: 'USD',
			createdAt: new Date(t.now()).toISOString(),
		});
		const req = {
			method: 'GET',
			path: '/api/tenant/profile',
			query: {},
			body: undefined,
			origin: ORIGIN,
		};
		expect(t.sim.principalOf({ ...req, headers: { authorization: `Bearer ${token}` } })).toBe(
			tenant.id,
		);
		expect(t.sim.principalOf({ ...req, headers: {} })).toBeUndefined();
	});

	it('rejects wrong credentials, missing and tampered tokens', () => {
		const t = setup();
		const bad = t.call('POST', '/login', {
			body: { email: 'demo@esimdistribute.test', password: 'nope-nope' },
		});
		expect(bad.status).toBe(401);
		expect(bad.body).toEqual({
			success: false,
			data: null,
			message: 'Invalid email or password',
			error: 'INVALID_CREDENTIALS',
		});
		expect(t.call('POST', '/login', { body: { password: 'x' } }).body.message).toBe(
			'email is required',
		);

		expect(t.call('GET', '/balance').body.error).toBe('UNAUTHORIZED');
		const token = t.login();
		const [h, p] = token.split('.');
		const forged = Buffer.from(
			JSON.stringify({ sub: t.sim.demoTenantId, exp: 9999999999 }),
		).toString('base64url');
		for (const wrong of [`${h}.${forged}.${token.split('.')[2]}`, 'abc', `${h}.${p}.`]) {
			const res = t.call('GET', '/balance', { token: wrong });
			expect(res.status).toBe(401);
			expect(res.body.error).toBe('UNAUTHORIZED');
		}
		const otherSeed = setup({ seed: 8 });
		expect(otherSeed.call('GET', '/balance', { token }).body.error).toBe('UNAUTHORIZED');
	});

	it('expires tokens after the configured lifetime with TOKEN_EXPIRED', () => {
		const t = setup();
		t.sim.setTokenLifetime(1);
		const token = t.login();
		expect(t.call('GET', '/balance').status).toBe(200);
		t.advance(999);
		expect(t.call('GET', '/balance').status).toBe(200);
		t.advance(1);
		const res = t.call('GET', '/balance');
		expect(res.status).toBe(401);
		expect(res.body).toMatchObject({ success: false, data: null, error: 'TOKEN_EXPIRED' });
		const req = {
			method: 'GET',
			path: '/api/tenant/balance',
			query: {},
			body: undefined,
			origin: ORIGIN,
		};
		expect(
			t.sim.principalOf({ ...req, headers: { authorization: `Bearer ${token}` } }),
		).toBeUndefined();
		const fresh = t.login();
		expect(fresh).not.toBe(token);
		expect(t.call('GET', '/balance').status).toBe(200);
		expect(t.sim.loginCount).toBe(2);
	});

	it('revokes every token issued so far through the admin API; a new sign-in works', () => {
		const t = setup();
		const token = t.login();
		expect(t.call('GET', '/balance').status).toBe(200);
		t.advance(5);
		expect(t.admin('POST', 'tokens/revoke').body.data).toMatchObject({ revocations: 1 });
		const res = t.call('GET', '/balance');
		expect(res.status).toBe(401);
		expect(res.body).toMatchObject({
			success: false,
			error: 'UNAUTHORIZED',
			message: 'Token has been revoked, log in again',
		});
		t.advance(5);
		expect(t.login()).not.toBe(token);
		expect(t.call('GET', '/balance').status).toBe(200);
		expect(t.admin('GET', 'stats').body.data).toMatchObject({ loginCount: 2, revocations: 1 });
	});

	it('advances the clock through the admin API and sets the lifetime there', () => {
		const t = setup();
		expect(t.admin('POST', 'token-lifetime', { seconds: 2 }).body.data).toEqual({ seconds: 2 });
		t.login();
		t.admin('POST', 'clock/advance', { ms: 2500 });
		expect(t.call('GET', '/profile').body.error).toBe('TOKEN_EXPIRED');
		expect(t.admin('POST', 'token-lifetime', { seconds: 0 }).status).toBe(400);
	});

	it('registers tenants, refuses duplicates and bad fields, and lets them log in', () => {
		const t = setup();
		const body = {
			name: 'Fire Flow Limited',
			subdomain: 'fireflow',
			contactEmail: 'ops@example.com',
			password: 'strong-password',
		};
		const res = t.call<{ tenant: Record<string, unknown> }>('POST', '/register', { body });
		expect(res.status).toBe(201);
		expect(res.body.data.tenant).toEqual({
			id: expect.stringMatching(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			),
			name: 'Fire Flow Limited',
			subdomain: 'fireflow',
			contactEmail: 'ops@example.com',
			status: 'active',
			creditBalance: 0,
			createdAt: expect.any(String),
		});
		const again = t.call('POST', '/register', {
			body: { ...body, contactEmail: 'other@example.com' },
		});
		expect(again.status).toBe(409);
		expect(again.body.error).toBe('CONFLICT');
		const sameMail = t.call('POST', '/register', {
			body: { ...body, subdomain: 'other', contactEmail: 'OPS@example.com' },
		});
		expect(sameMail.status).toBe(409);
		for (const [patch, message] of [
			[{ password: 'short' }, 'password must be a string of at least 8 characters'],
			[{ subdomain: 'No_Way' }, 'subdomain must be 3-40 characters of a-z, 0-9 and -'],
			[{ contactEmail: 'not-an-email' }, 'contactEmail must be a valid email address'],
			[{ name: '' }, 'name is required'],
		] as const) {
			const r = t.call('POST', '/register', {
				body: { ...body, subdomain: 'fresh-one', contactEmail: 'fresh@example.com', ...patch },
			});
			expect([r.status, r.body.error, r.body.message]).toEqual([400, 'VALIDATION_ERROR', message]);
		}
		t.login({ email: 'ops@example.com', password: 'strong-password' });
		expect(t.call<{ creditBalance: number }>('GET', '/balance').body.data.creditBalance).toBe(0);
		expect(t.sim.tenants.map((x) => x.subdomain)).toEqual(['demo', 'fireflow']);
		t.sim.reset();
		expect(t.sim.tenants).toHaveLength(1);
		expect(t.call('GET', '/balance').body.error).toBe('UNAUTHORIZED');
	});

	it('lists ~25 active plans with deterministic ids', () => {
		const t = setup();
		t.login();
		const res = t.call<Plan[]>('GET', '/available-plans');
		expect(res.status).toBe(200);
		expect(res.body.data.length).toBeGreaterThanOrEqual(25);
		expect(res.body.data.every((p) => p.active && p.currency === 'USD')).toBe(true);
		expect(res.body.data).toContainEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			name: 'Japan 5GB 30 Days',
			countryCode: 'JP',
			country: 'Japan',
			dataGb: 5,
			validityDays: 30,
			price: 12.5,
			currency: 'USD',
			active: true,
		});
		expect(createDistributeSim({ seed: 7 }).plans).toEqual(t.sim.plans);
		expect(createDistributeSim({ seed: 9 }).plans[0]?.id).not.toBe(t.sim.plans[0]?.id);
		expect(t.call('GET', '/available-plans', { token: '' }).status).toBe(401);
	});

	it('answers unknown routes, wrong methods and bad JSON with the envelope', () => {
		const t = setup();
		t.login();
		expect(t.sim.matches('/api/tenant/orders')).toBe(true);
		expect(t.sim.matches('/api/v1/portal/plans')).toBe(false);
		expect(t.sim.matches('/api/tenantx')).toBe(false);
		const unknown = t.call('GET', '/nope');
		expect([unknown.status, unknown.body.error, unknown.body.data]).toEqual([
			404,
			'NOT_FOUND',
			null,
		]);
		expect(t.call('DELETE', '/orders').status).toBe(404);
		const bad = t.call('POST', '/login', { body: '{"email":' });
		expect(bad.status).toBe(400);
		expect(bad.body).toEqual({
			success: false,
			data: null,
			message: 'Request body is not valid JSON',
			error: 'VALIDATION_ERROR',
		});
		expect(t.call('POST', '/orders/checkout', { body: [1] }).body.message).toBe(
			'Request body must be a JSON object',
		);
	});

	it('accepts the public contact form without auth and keeps it', () => {
		const t = setup();
		const body = {
			fullName: 'Jane Doe',
			email: 'jane@example.com',
			companyName: 'Example Co',
			phone: '+852 1234 5678',
			inquiryType: 'api',
			message: 'We would like to discuss an integration.',
		};
		const res = t.call<{ id: string; received: boolean }>('POST', '/contact', { body, token: '' });
		expect(res.status).toBe(201);
		expect(res.body.data).toEqual({ id: expect.any(String), received: true });
		expect(t.sim.contacts).toEqual([
			{ id: res.body.data.id, ...body, createdAt: new Date(t.now()).toISOString() },
		]);
		const bad = t.call('POST', '/contact', { body: { ...body, inquiryType: 'sales' } });
		expect([bad.status, bad.body.message]).toEqual([
			400,
			'inquiryType must be one of: partnership, pricing, hardware, support, api',
		]);
		const minimal = t.call('POST', '/contact', {
			body: { fullName: 'A', email: 'a@b.co', inquiryType: 'support', message: 'hi' },
		});
		expect(minimal.status).toBe(201);
		expect(t.admin<unknown[]>('GET', 'contacts').body.data).toHaveLength(2);
	});
});
