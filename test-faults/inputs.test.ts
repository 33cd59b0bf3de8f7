import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { RunResult } from '../test/harness/run';
import {
	checkout,
	distributeFixture,
	fromList,
	PASSWORD,
	type DistributeFixture,
} from '../test/helpers/distribute';
import { plan, SECRET, tradeFixture, type TradeFixture } from '../test/helpers/trade';
import { expectNoSecrets } from './secrets';

/** [what, node parameters, the field the message must name]. */
type Case = [string, IDataObject, string];

const id = (value: string) => ({ __rl: true, mode: 'id', value });
const order = (extra: IDataObject): IDataObject => ({
	resource: 'order',
	operation: 'create',
	plan: plan('ES_3_30'),
	quantity: 1,
	waitForFulfilment: false,
	...extra,
});
const topUp = (extra: IDataObject): IDataObject => ({
	resource: 'topUp',
	operation: 'create',
	iccid: '8948010000012345674',
	slug: 'ES_TOPUP_1GB',
	quantity: 1,
	...extra,
});
const webhook = (webhookUrl: string): IDataObject => ({
	resource: 'account',
	operation: 'setWebhook',
	webhookUrl,
});
const profile = (updateFields: IDataObject): IDataObject => ({
	resource: 'account',
	operation: 'updateProfile',
	updateFields,
});
const status = (lookupBy: string, value: string): IDataObject => ({
	resource: 'order',
	operation: 'getStatus',
	lookupBy,
	[lookupBy]: lookupBy === 'iccid' ? value : id(value),
});

const TRADE: Case[] = [
	['quantity 0', order({ quantity: 0 }), 'Quantity'],
	['quantity -1', order({ quantity: -1 }), 'Quantity'],
	['quantity 2.5', order({ quantity: 2.5 }), 'Quantity'],
	['quantity 1e9', order({ quantity: 1e9 }), 'Quantity'],
	['quantity Infinity from an expression', order({ quantity: '={{ Infinity }}' }), 'Quantity'],
	['quantity text from an expression', order({ quantity: '={{ "two" }}' }), 'Quantity'],
	['quantity object from an expression', order({ quantity: '={{ { "n": 1 } }}' }), 'Quantity'],
	['quantity list from an expression', order({ quantity: '={{ [1] }}' }), 'Quantity'],
	['quantity boolean from an expression', order({ quantity: '={{ true }}' }), 'Quantity'],
	['empty plan from an expression', order({ plan: id('={{ "" }}') }), 'Plan'],
	['plan with an SQL injection', order({ plan: id('ES_3_30"; DROP TABLE orders; --') }), 'Plan'],
	['plan with a path', order({ plan: id('../reseller/profile') }), 'Plan'],
	['plan with markup', order({ plan: id('<script>alert(1)</script>') }), 'Plan'],
	['plan with a header injection', order({ plan: id('ES_3_30\r\nX-Injected: 1') }), 'Plan'],
	['oversize plan', order({ plan: id('P'.repeat(101)) }), 'Plan'],
	['plan number from an expression', order({ plan: id('={{ 42 }}') }), 'Plan'],
	['idempotency key with spaces', order({ idempotencyKey: 'shop 1001' }), 'Idempotency Key'],
	[
		'idempotency key with a line break',
		order({ idempotencyKey: 'shop-1001\nshop-1002' }),
		'Idempotency Key',
	],
	['oversize idempotency key', order({ idempotencyKey: 'k'.repeat(129) }), 'Idempotency Key'],
	['days 0', order({ additionalFields: { days: 0 } }), 'Days'],
	['days 366', order({ additionalFields: { days: 366 } }), 'Days'],
	['days 1.5', order({ additionalFields: { days: 1.5 } }), 'Days'],
	[
		'days text from an expression',
		order({ additionalFields: { days: '={{ "a week" }}' } }),
		'Days',
	],
	['top-up ICCID with dashes', topUp({ iccid: '89-44-50-1234' }), 'ICCID'],
	['top-up ICCID too short', topUp({ iccid: '894450' }), 'ICCID'],
	['top-up ICCID too long', topUp({ iccid: '8'.repeat(30) }), 'ICCID'],
	['top-up ICCID with an injection', topUp({ iccid: "8944501234567890123' OR 1=1" }), 'ICCID'],
	[
		'top-up ICCID as a number from an expression',
		topUp({ iccid: '={{ 8944501234567890123 }}' }),
		'ICCID',
	],
	['empty top-up ICCID from an expression', topUp({ iccid: '={{ "" }}' }), 'ICCID'],
	['top-up slug with a path', topUp({ slug: '../order' }), 'Top-Up Slug'],
	['top-up quantity 0', topUp({ quantity: 0 }), 'Quantity'],
	['top-up quantity 11', topUp({ quantity: 11 }), 'Quantity'],
	['top-up quantity 1.5', topUp({ quantity: 1.5 }), 'Quantity'],
	['status ICCID with letters', status('iccid', '89440abc'), 'ICCID'],
	['status order number with a path', status('orderNo', '../../reseller/profile'), 'Order'],
	['http:// webhook', webhook('http://example.com/hook'), 'Webhook URL'],
	['javascript: webhook', webhook('javascript:alert(1)'), 'Webhook URL'],
	['data: webhook', webhook('data:text/html,<script>alert(1)</script>'), 'Webhook URL'],
	['ftp:// webhook', webhook('ftp://example.com/hook'), 'Webhook URL'],
	['oversize webhook', webhook(`https://example.com/${'a'.repeat(2100)}`), 'Webhook URL'],
	['webhook number from an expression', webhook('={{ 443 }}'), 'Webhook URL'],
	['javascript: website', profile({ website: 'javascript:alert(1)' }), 'Website'],
	['http:// website', profile({ website: 'http://example.com' }), 'Website'],
	['oversize company name', profile({ companyName: 'c'.repeat(121) }), 'Company Name'],
	['company name with markup', profile({ companyName: '<b>Shop</b>' }), 'Company Name'],
	['country that is not a code', profile({ country: 'Japan' }), 'Country'],
	[
		'quantity "0x10" (hex text) from an expression',
		order({ quantity: '={{ "0x10" }}' }),
		'Quantity',
	],
	[
		'quantity "0b11" (binary text) from an expression',
		order({ quantity: '={{ "0b11" }}' }),
		'Quantity',
	],
	[
		'quantity "1e1" (exponent text) from an expression',
		order({ quantity: '={{ "1e1" }}' }),
		'Quantity',
	],
	[
		'quantity "0o7" (octal text) from an expression',
		order({ quantity: '={{ "0o7" }}' }),
		'Quantity',
	],
	[
		'days "0x10" from an expression',
		order({ additionalFields: { days: '={{ "0x10" }}' } }),
		'Days',
	],
	[
		'top-up quantity "0b11" from an expression',
		topUp({ iccid: '8948010000350829578', quantity: '={{ "0b11" }}' }),
		'Quantity',
	],
	['top-up ICCID with a wrong check digit', topUp({ iccid: '8948010000350829577' }), 'ICCID'],
	[
		'an idempotency key that resolves to blank',
		order({ idempotencyKey: '={{ $json.shopOrderId }}' }),
		'Idempotency Key',
	],
	[
		'an idempotency key that resolves to spaces',
		order({ idempotencyKey: '={{ "   " }}' }),
		'Idempotency Key',
	],
];

const PLAN_ID = 'plan_uuid';
/** Passwords inside URLs: no message may ever show them. */
const URL_PASSWORDS = ['hunter2-url-pass', 'cancel-url-pass', 'proof-url-pass'];
const basket = (quantity: number | string) =>
	checkout([[PLAN_ID]], { items: { item: [{ plan: fromList(PLAN_ID), quantity }] } });
const json = (itemsJson: string) => ({ ...checkout([]), itemsInput: 'json', itemsJson });
const pay = (extra: IDataObject): IDataObject => ({
	resource: 'topUp',
	operation: 'create',
	amount: 100,
	paymentMethod: 'stripe',
	successUrl: 'https://example.com/ok',
	cancelUrl: 'https://example.com/cancel',
	...extra,
});
const proof = (transferProofUrl: string, topUpId = 'top-1'): IDataObject => ({
	resource: 'topUp',
	operation: 'uploadProof',
	topUpId,
	transferProofUrl,
});
const contact = (extra: IDataObject): IDataObject => ({
	resource: 'contact',
	operation: 'submit',
	fullName: 'Jane',
	email: 'jane@example.com',
	inquiryType: 'api',
	message: 'Hi',
	...extra,
});

const DISTRIBUTE: Case[] = [
	[
		'a customer email without @',
		checkout([[PLAN_ID]], { email: 'not-an-email' }),
		'Customer Email',
	],
	['an empty customer email', checkout([[PLAN_ID]], { email: '={{ "" }}' }), 'Customer Email'],
	['a customer email without a domain', checkout([[PLAN_ID]], { email: 'a@b' }), 'Customer Email'],
	[
		'a customer email with a header injection',
		checkout([[PLAN_ID]], { email: 'a@b.com\r\nBcc: all@example.com' }),
		'Customer Email',
	],
	[
		'an oversize customer email',
		checkout([[PLAN_ID]], { email: `${'x'.repeat(250)}@example.com` }),
		'Customer Email',
	],
	[
		'a customer email number from an expression',
		checkout([[PLAN_ID]], { email: '={{ 42 }}' }),
		'Customer Email',
	],
	['quantity 0', basket(0), 'Quantity (entry 1)'],
	['quantity -1', basket(-1), 'Quantity (entry 1)'],
	['quantity 1.5', basket(1.5), 'Quantity (entry 1)'],
	['quantity 51', basket(51), 'Quantity (entry 1)'],
	['quantity 1e9', basket(1e9), 'Quantity (entry 1)'],
	['quantity text from an expression', basket('={{ "two" }}'), 'Quantity (entry 1)'],
	[
		'quantity object from JSON',
		json('={{ [{ "planId": "p-1", "quantity": { "n": 1 } }] }}'),
		'Quantity (entry 1)',
	],
	['an empty plan id', json('={{ [{ "planId": "", "quantity": 1 }] }}'), 'Plan (entry 1)'],
	[
		'a plan id with a path',
		{ ...basket(1), items: { item: [{ plan: id('../balance'), quantity: 1 }] } },
		'Plan (entry 1)',
	],
	[
		'a plan id with an SQL injection',
		json('={{ [{ "planId": "x\' OR 1=1", "quantity": 1 }] }}'),
		'Plan (entry 1)',
	],
	[
		'an oversize plan id',
		json(JSON.stringify([{ planId: 'p'.repeat(101), quantity: 1 }])),
		'Plan (entry 1)',
	],
	['a plan id number', json('={{ [{ "planId": 42, "quantity": 1 }] }}'), 'Plan (entry 1)'],
	['JSON that does not parse', json('[{ "planId": '), 'Items (JSON)'],
	['JSON that is an object', json('={{ { "planId": "p-1" } }}'), 'Items'],
	['an empty JSON basket', json('[]'), 'Items'],
	[
		'21 basket lines',
		json(JSON.stringify(Array.from({ length: 21 }, () => ({ planId: 'p-1', quantity: 1 })))),
		'Items',
	],
	['a basket line that is text', json('={{ ["p-1"] }}'), 'Items (entry 1)'],
	[
		'an oversize customer name',
		checkout([[PLAN_ID]], { customerName: 'n'.repeat(201) }),
		'Customer Name',
	],
	[
		'a customer name with markup',
		checkout([[PLAN_ID]], { customerName: '<img src=x onerror=alert(1)>' }),
		'Customer Name',
	],
	[
		'a phone with letters',
		checkout([[PLAN_ID]], { additionalFields: { phone: 'call me' } }),
		'Phone',
	],
	['a negative Max Total', checkout([[PLAN_ID]], { options: { maxTotal: -5 } }), 'Max Total'],
	[
		'a Max Total with 3 decimals',
		checkout([[PLAN_ID]], { options: { maxTotal: 10.001 } }),
		'Max Total',
	],
	['a top-up amount of 0', pay({ amount: 0 }), 'Amount'],
	['a top-up amount over 10000', pay({ amount: 10001 }), 'Amount'],
	['a top-up amount with 3 decimals', pay({ amount: 10.001 }), 'Amount'],
	['a top-up amount as text', pay({ amount: '={{ "ten" }}' }), 'Amount'],
	['an http:// success URL', pay({ successUrl: 'http://example.com/ok' }), 'Success URL'],
	['a javascript: success URL', pay({ successUrl: 'javascript:alert(1)' }), 'Success URL'],
	[
		'a data: cancel URL',
		pay({ cancelUrl: 'data:text/html,<script>alert(1)</script>' }),
		'Cancel URL',
	],
	[
		'an oversize success URL',
		pay({ successUrl: `https://example.com/${'a'.repeat(2100)}` }),
		'Success URL',
	],
	['an http:// transfer proof', proof('http://files.example.com/p.png'), 'Transfer Proof URL'],
	['a javascript: transfer proof', proof('javascript:alert(1)'), 'Transfer Proof URL'],
	['a top-up id with a path', proof('https://files.example.com/p.png', '../balance'), 'Top-Up ID'],
	['a contact email without @', contact({ email: 'jane' }), 'Email'],
	['an oversize contact message', contact({ message: 'm'.repeat(5001) }), 'Message'],
	['an unknown inquiry type', contact({ inquiryType: '={{ "gossip" }}' }), 'Inquiry Type'],
	['a contact name with markup', contact({ fullName: '<script>' }), 'Full Name'],
	[
		'a register email without a domain',
		{
			resource: 'account',
			operation: 'register',
			name: 'Shop',
			subdomain: 'shop',
			contactEmail: 'ops@',
			password: 'long-enough-1',
		},
		'Contact Email',
	],
	['quantity "0x10" (hex text)', basket('={{ "0x10" }}'), 'Quantity (entry 1)'],
	[
		'quantity "1e1" in JSON',
		json('={{ [{ "planId": "p-1", "quantity": "1e1" }] }}'),
		'Quantity (entry 1)',
	],
	['a top-up amount "0x10"', pay({ amount: '={{ "0x10" }}' }), 'Amount'],
	['a top-up amount "1e3"', pay({ amount: '={{ "1e3" }}' }), 'Amount'],
	[
		'a Max Total "0b11"',
		checkout([[PLAN_ID]], { options: { maxTotal: '={{ "0b11" }}' } }),
		'Max Total',
	],
	[
		'a success URL with a user name and password',
		pay({ successUrl: `https://shop:${URL_PASSWORDS[0]}@example.com/ok` }),
		'Success URL',
	],
	[
		'a cancel URL with a user name and password',
		pay({ cancelUrl: `https://u:${URL_PASSWORDS[1]}@example.com/cancel` }),
		'Cancel URL',
	],
	[
		'a transfer proof URL with a user name and password',
		proof(`https://files:${URL_PASSWORDS[2]}@files.example.com/p.png`),
		'Transfer Proof URL',
	],
	[
		'a customer name mapped from a missing field',
		checkout([[PLAN_ID]], { customerName: '={{ $json.customer }}' }),
		'Customer Name',
	],
	[
		'a customer name that resolves to blank',
		checkout([[PLAN_ID]], { customerName: '={{ "  " }}' }),
		'Customer Name',
	],
	[
		'a register subdomain with a path',
		{
			resource: 'account',
			operation: 'register',
			name: 'Shop',
			subdomain: '../admin',
			contactEmail: 'ops@example.com',
			password: 'long-enough-1',
		},
		'Subdomain',
	],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The run failed on validation, named the field, and the provider received nothing at all. */
function expectRejected(
	result: RunResult,
	field: string,
	sandbox: Sandbox,
	provider: string,
): void {
	expect(result.status).toBe('error');
	expect({ name: result.error?.name, message: result.error?.message }).toEqual({
		name: 'NodeOperationError',
		message: expect.stringMatching(new RegExp(`^${escape(field)}: `)),
	});
	expect(sandbox.log.count({ provider })).toBe(0);
}

describe('A corpus of bad inputs is rejected before any request, naming the field', () => {
	let trade: TradeFixture;
	let distribute: DistributeFixture;
	const runs: string[] = [];
	const messages: string[] = [];
	beforeAll(async () => {
		[trade, distribute] = await Promise.all([tradeFixture(), distributeFixture()]);
	});
	afterAll(async () => await Promise.all([trade.close(), distribute.close()]));

	it.each(TRADE)('eSIMTrade: %s', async (_what, parameters, field) => {
		const result = await trade.run(parameters);
		runs.push(JSON.stringify(result.run));
		expectRejected(result, field, trade.sandbox, 'trade');
	});

	it.each(DISTRIBUTE)('eSIM Distribute: %s', async (_what, parameters, field) => {
		const result = await distribute.run(parameters);
		runs.push(JSON.stringify(result.run));
		messages.push(`${String(result.error?.message)} ${String(result.error?.description)}`);
		expectRejected(result, field, distribute.sandbox, 'distribute');
	});

	it('no secret appears in any of those runs or in the request logs', () => {
		expect(runs).toHaveLength(TRADE.length + DISTRIBUTE.length);
		expectNoSecrets(trade.sandbox, { 'eSIMTrade runs': runs.join('\n') }, [SECRET, PASSWORD]);
		expectNoSecrets(distribute.sandbox, { 'eSIM Distribute runs': runs.join('\n') }, [
			SECRET,
			PASSWORD,
		]);
		// The workflow itself holds the URLs as typed; no error message or description may repeat their passwords.
		expectNoSecrets(distribute.sandbox, { 'error messages': messages.join('\n') }, URL_PASSWORDS);
	});

	it('an ICCID that arrived as a number beyond 2^53 is refused with the reason: digits were lost', async () => {
		const result = await trade.run(topUp({ iccid: '={{ 8944501234567890123 }}' }));
		expectRejected(result, 'ICCID', trade.sandbox, 'trade');
		expect(result.error?.message).toMatch(
			/^ICCID: arrived as a number larger than 2\^53, so some of its digits were already lost/,
		);
	});

	it('quantities in plain decimal text, as expressions produce them, are accepted', async () => {
		const before = trade.sandbox.trade.orders.length;
		const { status, items } = await trade.run(order({ quantity: '={{ " 2 " }}' }), [
			{ shopOrder: 'plain-decimal' },
		]);
		expect(status).toBe('success');
		expect(items[0].json).toMatchObject({ quantity: 2 });
		expect(trade.sandbox.trade.orders.slice(before).map((placed) => placed.quantity)).toEqual([2]);
	});
});
