import { plan, tradeFixture, type TradeFixture } from '../helpers/trade';

describe('eSIMTrade: input is validated before anything is sent', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const order = (extra: object) => ({
		resource: 'order',
		operation: 'create',
		plan: plan('ES_3_30'),
		quantity: 1,
		waitForFulfilment: false,
		...extra,
	});

	const cases: Array<[string, object, RegExp]> = [
		['zero quantity', order({ quantity: 0 }), /^Quantity: must be from 1 to 100 \(got 0\)/],
		['negative quantity', order({ quantity: -2 }), /^Quantity: must be from 1 to 100/],
		[
			'fractional quantity',
			order({ quantity: 1.5 }),
			/^Quantity: must be a whole number \(got 1\.5\)/,
		],
		['huge quantity', order({ quantity: 1e9 }), /^Quantity: must be from 1 to 100/],
		[
			'quantity from an expression that is not a number',
			order({ quantity: '={{ "two" }}' }),
			/^Quantity: must be a number \(got "two"\)/,
		],
		[
			'empty plan from an expression',
			order({ plan: { __rl: true, mode: 'id', value: '={{ "" }}' } }),
			/^Plan: is required/,
		],
		[
			'injected plan slug',
			order({ plan: plan('ES_3_30"; DROP TABLE orders') }),
			/^Plan: must be a plan code/,
		],
		[
			'plan slug with a path',
			order({ plan: { __rl: true, mode: 'id', value: '../balance' } }),
			/^Plan: must be a plan code/,
		],
		[
			'key with spaces',
			order({ idempotencyKey: 'my key' }),
			/^Idempotency Key: must be letters, digits and punctuation/,
		],
		[
			'oversize key',
			order({ idempotencyKey: 'k'.repeat(129) }),
			/^Idempotency Key: must be at most 128 characters/,
		],
		['days out of range', order({ additionalFields: { days: 0 } }), /^Days: must be from 1 to 365/],
		[
			'malformed ICCID for a top-up',
			{
				resource: 'topUp',
				operation: 'create',
				iccid: '89-44-50',
				slug: 'JP_TOPUP_1GB',
				quantity: 1,
			},
			/^ICCID: must be an ICCID/,
		],
		[
			'top-up quantity',
			{
				resource: 'topUp',
				operation: 'create',
				iccid: '8944501234567890124',
				slug: 'JP_TOPUP_1GB',
				quantity: 11,
			},
			/^Quantity: must be from 1 to 10/,
		],
		[
			'javascript: website',
			{
				resource: 'account',
				operation: 'updateProfile',
				updateFields: { website: 'javascript:alert(1)' },
			},
			/^Website: must be an https:\/\/ URL/,
		],
		[
			'http:// webhook',
			{ resource: 'account', operation: 'setWebhook', webhookUrl: 'http://example.com/hook' },
			/^Webhook URL: must be an https:\/\/ URL/,
		],
		[
			'empty profile update',
			{ resource: 'account', operation: 'updateProfile', updateFields: {} },
			/^Update Fields: add at least one field/,
		],
		[
			'malformed ICCID lookup',
			{ resource: 'order', operation: 'getStatus', lookupBy: 'iccid', iccid: 'abc' },
			/^ICCID: must be an ICCID/,
		],
	];

	it.each(cases)(
		'rejects %s with a message naming the field, sending nothing',
		async (_name, parameters, message) => {
			const { status, error } = await f.run(parameters as never);
			expect(status).toBe('error');
			expect(error!.name).toBe('NodeOperationError');
			expect(String(error!.message)).toMatch(message);
			expect(error!.description).toContain('Nothing was sent');
			expect(f.sandbox.log.count({ provider: 'trade' })).toBe(0);
		},
	);

	it('a bad item fails alone under "continue on fail"; the good items are bought and stay paired', async () => {
		const { status, items } = await f.run(
			order({ quantity: '={{ $json.qty }}' }),
			[{ qty: 1 }, { qty: 0 }, { qty: 2 }],
			{ onError: 'continueRegularOutput' },
		);
		expect(status).toBe('success');
		expect(items).toHaveLength(3);
		expect(items[1].json.error).toMatch(/^Quantity:/);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[0].json.orderNo).toBeTruthy();
		expect(items[2].json.quantity).toBe(2);
		expect(f.sandbox.trade.orders).toHaveLength(2);
	});

	it('refuses a non-https base URL before sending the keys anywhere', async () => {
		const insecure = await tradeFixture({}, { baseUrl: 'http://api.esimtrade.example/api/v1' });
		try {
			const { error } = await insecure.run({ resource: 'wallet', operation: 'getBalance' });
			expect(error!.message).toMatch(/Base URL must start with https:\/\//);
			expect(insecure.sandbox.log.count({})).toBe(0);
		} finally {
			await insecure.close();
		}
	});
});
