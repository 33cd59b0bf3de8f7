import {
	distributeFixture,
	EMAIL,
	requestsTo,
	type DistributeFixture,
} from '../helpers/distribute';

describe('eSIM Distribute account, contact, plans and balance', () => {
	let f: DistributeFixture;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const sim = () => f.sandbox.distribute;

	it('registers a tenant without signing in, and never outputs the password', async () => {
		const { status, items, run } = await f.run({
			resource: 'account',
			operation: 'register',
			name: 'Fire Flow Limited',
			subdomain: 'fireflow',
			contactEmail: 'ops@fireflow.example',
			password: 'strong-password-1',
		});
		expect(status).toBe('success');
		expect(items[0].json).toMatchObject({
			name: 'Fire Flow Limited',
			subdomain: 'fireflow',
			contactEmail: 'ops@fireflow.example',
			status: 'active',
		});
		expect(sim().tenants.map((t) => t.subdomain)).toContain('fireflow');
		expect(sim().loginCount).toBe(0);
		expect(JSON.stringify(run.data.resultData.runData)).not.toContain('strong-password-1');
	});

	it('a taken subdomain is explained as a conflict', async () => {
		const { error } = await f.run({
			resource: 'account',
			operation: 'register',
			name: 'Again',
			subdomain: 'demo',
			contactEmail: 'x@example.com',
			password: 'strong-password-1',
		});
		expect(error!.httpCode).toBe('409');
		expect(error!.description).toContain('subdomain "demo" is already taken');
	});

	it('gets the tenant profile', async () => {
		const { items } = await f.run({ resource: 'account', operation: 'getProfile' });
		expect(items[0].json).toMatchObject({
			contactEmail: EMAIL,
			subdomain: 'demo',
			name: 'Demo Tenant',
			creditBalance: 1000,
			currency: 'USD',
		});
	});

	it('submits the contact form without signing in', async () => {
		const { items } = await f.run({
			resource: 'contact',
			operation: 'submit',
			fullName: 'Jane Doe',
			email: 'jane@example.com',
			inquiryType: 'partnership',
			message: 'We would like to discuss an integration.',
			additionalFields: { companyName: 'Example Co', phone: '+852 1234 5678' },
		});
		expect(items[0].json).toMatchObject({ received: true, inquiryType: 'partnership' });
		expect(sim().contacts[0]).toMatchObject({
			fullName: 'Jane Doe',
			companyName: 'Example Co',
			inquiryType: 'partnership',
		});
		expect(sim().loginCount).toBe(0);
	});

	it('lists available plans, simplified, filtered and limited', async () => {
		const all = await f.run({ resource: 'plan', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(sim().plans.filter((p) => p.active).length);
		expect(Object.keys(all.items[0].json).sort()).toEqual([
			'country',
			'countryCode',
			'currency',
			'dataGb',
			'id',
			'name',
			'price',
			'validityDays',
		]);
		const japan = await f.run({
			resource: 'plan',
			operation: 'getMany',
			returnAll: true,
			filters: { countryCode: 'jp', maxPrice: 15 },
		});
		expect(japan.items.map((i) => i.json.name)).toEqual(['Japan 1GB 7 Days', 'Japan 5GB 30 Days']);
		const few = await f.run({
			resource: 'plan',
			operation: 'getMany',
			returnAll: false,
			limit: 3,
			simplify: false,
		});
		expect(few.items).toHaveLength(3);
		expect(few.items[0].json.active).toBe(true);
	});

	it('the plan picker searches available plans by name or country and shows prices', async () => {
		const { results } = await f.search('searchPlans', 'korea');
		expect(results.map((r) => r.name)).toEqual([
			'South Korea 3GB 15 Days · USD 8.25',
			'South Korea 10GB 30 Days · USD 18.00',
		]);
		expect(results[0].value).toBe(
			sim().plans.find((p) => p.name === 'South Korea 3GB 15 Days')!.id,
		);
		const inactive = await f.search('searchPlans', 'russia');
		expect(inactive.results).toHaveLength(0);
	});

	it('gets the credit balance and lists transactions with Return All and Limit', async () => {
		const balance = await f.run({ resource: 'balance', operation: 'get' });
		expect(balance.items[0].json).toEqual({ creditBalance: 1000, currency: 'USD' });
		const plan = sim().plans[0].id;
		for (let n = 0; n < 3; n++) {
			await f.run({
				resource: 'order',
				operation: 'checkout',
				itemsInput: 'json',
				itemsJson: JSON.stringify([{ planId: plan, quantity: 1 }]),
				email: `c${n}@example.com`,
				customerName: 'Test Customer',
			});
		}
		const all = await f.run({ resource: 'balance', operation: 'getTransactions', returnAll: true });
		expect(all.items.map((i) => i.json.id)).toEqual(sim().transactions.map((t) => t.id));
		expect(all.items[0].json).toMatchObject({ type: 'checkout', amount: -sim().plans[0].price });
		const one = await f.run({
			resource: 'balance',
			operation: 'getTransactions',
			returnAll: false,
			limit: 1,
		});
		expect(one.items).toHaveLength(1);
		expect(requestsTo(f.sandbox, 'GET', '/transactions')).toBe(2);
	});
});
