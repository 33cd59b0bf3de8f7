import {
	checkout,
	distributeFixture,
	fromList,
	requestsTo,
	type DistributeFixture,
} from '../helpers/distribute';

describe('eSIM Distribute: input is validated before anything is sent', () => {
	let f: DistributeFixture;
	// Any well-formed id: validation fails before the plan is looked up.
	const plan = 'plan_uuid';
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const basket = (quantity: unknown, extra: object = {}) =>
		checkout([[plan]], { items: { item: [{ plan: fromList(plan), quantity }] }, ...extra });
	const json = (itemsJson: unknown, extra: object = {}) => ({
		...checkout([]),
		itemsInput: 'json',
		itemsJson,
		...extra,
	});
	const topUp = (extra: object) => ({
		resource: 'topUp',
		operation: 'create',
		amount: 100,
		paymentMethod: 'stripe',
		successUrl: 'https://example.com/ok',
		cancelUrl: 'https://example.com/cancel',
		...extra,
	});

	const money: Array<[string, object, RegExp]> = [
		[
			'a bad customer email',
			checkout([[plan]], { email: 'not-an-email' }),
			/^Customer Email: must be a valid email address \(got "not-an-email"\)/,
		],
		[
			'an empty customer email from an expression',
			checkout([[plan]], { email: '={{ "" }}' }),
			/^Customer Email: must be a valid email address/,
		],
		['quantity 0', basket(0), /^Quantity \(entry 1\): must be from 1 to 50 \(got 0\)/],
		['quantity -1', basket(-1), /^Quantity \(entry 1\): must be from 1 to 50/],
		['quantity 1.5', basket(1.5), /^Quantity \(entry 1\): must be a whole number \(got 1\.5\)/],
		['a huge quantity', basket(1e9), /^Quantity \(entry 1\): must be from 1 to 50/],
		[
			'a quantity that is not a number',
			basket('={{ "two" }}'),
			/^Quantity \(entry 1\): must be a number \(got "two"\)/,
		],
		['an empty basket', checkout([]), /^Items: add at least one plan/],
		['an empty JSON basket', json('[]'), /^Items: add at least one plan/],
		[
			'more than 20 lines',
			json(JSON.stringify(Array.from({ length: 21 }, () => ({ planId: 'p1', quantity: 1 })))),
			/^Items: must have at most 20 entries/,
		],
		['JSON that does not parse', json('[{ planId: '), /^Items \(JSON\): is not valid JSON/],
		['JSON that is not a list', json('={{ { "planId": "x" } }}'), /^Items: must be a list of/],
		[
			'a JSON entry that is not an object',
			json('={{ ["plan-1"] }}'),
			/^Items \(entry 1\): must be an object like/,
		],
		[
			'a plan id with a path',
			basket(1, {
				items: { item: [{ plan: { __rl: true, mode: 'id', value: '../balance' }, quantity: 1 }] },
			}),
			/^Plan \(entry 1\): must be an ID such as/,
		],
		[
			'a plan id with quotes and spaces',
			json('={{ [{ "planId": "x\\" OR 1=1", "quantity": 1 }] }}'),
			/^Plan \(entry 1\): must be an ID such as/,
		],
		[
			'a plan id of the wrong type',
			json('={{ [{ "planId": 42, "quantity": 1 }] }}'),
			/^Plan \(entry 1\): must be text \(got 42\)/,
		],
		['a missing plan id', json('={{ [{ "quantity": 1 }] }}'), /^Plan \(entry 1\): is required/],
		[
			'a quantity of the wrong type',
			json('={{ [{ "planId": "p-1", "quantity": true }] }}'),
			/^Quantity \(entry 1\): must be a number \(got true\)/,
		],
		[
			'an oversize customer name',
			checkout([[plan]], { customerName: 'n'.repeat(201) }),
			/^Customer Name: must be at most 200 characters/,
		],
		[
			'a customer name with markup',
			checkout([[plan]], { customerName: '<script>' }),
			/^Customer Name: must not contain control characters or < >/,
		],
		[
			'a phone with letters',
			checkout([[plan]], { additionalFields: { phone: 'call me' } }),
			/^Phone: must be a phone number/,
		],
		[
			'an oversize phone',
			checkout([[plan]], { additionalFields: { phone: '1'.repeat(41) } }),
			/^Phone: must be at most 40 characters/,
		],
		[
			'a zero Max Total',
			checkout([[plan]], { options: { maxTotal: 0 } }),
			/^Max Total: must be from 0\.01/,
		],
		[
			'a Max Total that is not a number',
			checkout([[plan]], { options: { maxTotal: '={{ "lots" }}' } }),
			/^Max Total: must be a number/,
		],
	];

	it.each(money)(
		'checkout rejects %s, naming the field, with no request to the checkout route',
		async (_name, parameters, message) => {
			const { status, error } = await f.run(parameters as never);
			expect(status).toBe('error');
			expect(error!.name).toBe('NodeOperationError');
			expect(String(error!.message)).toMatch(message);
			expect(error!.description).toContain('Nothing was sent');
			expect(requestsTo(f.sandbox, 'POST', '/orders/checkout')).toBe(0);
			expect(f.sandbox.log.count({ provider: 'distribute' })).toBe(0);
		},
	);

	const others: Array<[string, object, RegExp]> = [
		[
			'an http:// success URL',
			topUp({ successUrl: 'http://example.com/ok' }),
			/^Success URL: must be an https:\/\/ URL/,
		],
		[
			'a javascript: cancel URL',
			topUp({ cancelUrl: 'javascript:alert(1)' }),
			/^Cancel URL: must be an https:\/\/ URL/,
		],
		['a top-up amount under 10', topUp({ amount: 5 }), /^Amount: must be from 10 to 10000/],
		[
			'a top-up amount with 3 decimals',
			topUp({ amount: 10.005 }),
			/^Amount: must have at most 2 decimals/,
		],
		['a top-up amount as text', topUp({ amount: '={{ "ten" }}' }), /^Amount: must be a number/],
		[
			'an http:// transfer proof',
			{
				resource: 'topUp',
				operation: 'uploadProof',
				topUpId: 'abc-1',
				transferProofUrl: 'http://files.example.com/p.png',
			},
			/^Transfer Proof URL: must be an https:\/\/ URL/,
		],
		[
			'a javascript: transfer proof',
			{
				resource: 'topUp',
				operation: 'uploadProof',
				topUpId: 'abc-1',
				transferProofUrl: 'javascript:alert(1)',
			},
			/^Transfer Proof URL: must be an https:\/\/ URL/,
		],
		[
			'a top-up id with a path',
			{ resource: 'topUp', operation: 'getStatus', topUpId: '../balance' },
			/^Top-Up ID: must be an ID/,
		],
		[
			'an order id with a path',
			{
				resource: 'order',
				operation: 'get',
				order: { __rl: true, mode: 'id', value: '../export' },
			},
			/^Order: must be an ID/,
		],
		[
			'a bad order filter email',
			{ resource: 'order', operation: 'getMany', filters: { email: 'x@' } },
			/^Customer Email: must be a valid email address/,
		],
		[
			'a bad export date',
			{ resource: 'order', operation: 'export', filters: { from: 'yesterday-ish' } },
			/^Created From: must be a date/,
		],
		[
			'a contact form without a message',
			{
				resource: 'contact',
				operation: 'submit',
				fullName: 'Jane',
				email: 'jane@example.com',
				inquiryType: 'api',
				message: ' ',
			},
			/^Message: is required/,
		],
		[
			'an unknown inquiry type',
			{
				resource: 'contact',
				operation: 'submit',
				fullName: 'Jane',
				email: 'jane@example.com',
				inquiryType: '={{ "gossip" }}',
				message: 'Hi',
			},
			/^Inquiry Type: must be one of partnership, pricing, hardware, support, api/,
		],
		[
			'an oversize contact message',
			{
				resource: 'contact',
				operation: 'submit',
				fullName: 'Jane',
				email: 'jane@example.com',
				inquiryType: 'api',
				message: 'm'.repeat(5001),
			},
			/^Message: must be at most 5000 characters/,
		],
		[
			'a subdomain with capitals',
			{
				resource: 'account',
				operation: 'register',
				name: 'Fire Flow',
				subdomain: 'FireFlow',
				contactEmail: 'ops@example.com',
				password: 'long-enough-1',
			},
			/^Subdomain: must be 3 to 40 lowercase letters/,
		],
		[
			'a short password',
			{
				resource: 'account',
				operation: 'register',
				name: 'Fire Flow',
				subdomain: 'fireflow',
				contactEmail: 'ops@example.com',
				password: 'short',
			},
			/^Password: must be 8 to 200 characters/,
		],
	];

	it.each(others)(
		'rejects %s, naming the field, sending nothing',
		async (_name, parameters, message) => {
			const { status, error } = await f.run(parameters as never);
			expect(status).toBe('error');
			expect(error!.name).toBe('NodeOperationError');
			expect(String(error!.message)).toMatch(message);
			expect(f.sandbox.log.count({ provider: 'distribute' })).toBe(0);
		},
	);

	it('a rejected register password is not echoed in the message', async () => {
		const { error } = await f.run({
			resource: 'account',
			operation: 'register',
			name: 'Fire Flow',
			subdomain: 'fireflow',
			contactEmail: 'ops@example.com',
			password: 'sh0rt',
		});
		expect(`${String(error!.message)} ${String(error!.description)}`).not.toContain('sh0rt');
	});
});
