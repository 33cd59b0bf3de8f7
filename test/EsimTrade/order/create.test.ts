import { scanPng } from '../../helpers/png';
import { plan, requestsTo, SECRET, tradeFixture, type TradeFixture } from '../../helpers/trade';

/** The text of the QR code a PNG shows. */
function decodeQrPng(png: Buffer): string | undefined {
	return scanPng(png)?.data;
}

describe('eSIMTrade order: create', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture({ trade: { fulfilmentDelayMs: 200 } });
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const create = (extra: object = {}) => ({
		resource: 'order',
		operation: 'create',
		plan: plan('ES_3_30'),
		quantity: 1,
		waitForFulfilment: false,
		...extra,
	});

	it('buys a plan, debits the wallet once and returns the order number', async () => {
		const before = f.sandbox.trade.walletCents;
		const { status, items } = await f.run(create());
		expect(status).toBe('success');
		expect(items).toHaveLength(1);
		const order = items[0].json;
		expect(order.orderNo).toMatch(/^B\d+/);
		expect(order.idempotencyKey).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(order.replayed).toBe(false);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(f.sandbox.trade.findOrder(String(order.orderNo))).toBeDefined();
		expect(f.sandbox.trade.ledger.filter((e) => e.type === 'debit')).toHaveLength(1);
		expect(f.sandbox.trade.walletCents).toBe(before - 250);
	});

	it('waits for fulfilment and outputs ICCID, activation code, install links and a scannable QR PNG', async () => {
		const { status, items } = await f.run(create({ waitForFulfilment: true }));
		expect(status).toBe('success');
		const json = items[0].json;
		expect(json.fulfilment).toBe('fulfilled');
		expect(json.iccid).toMatch(/^\d{18,22}$/);
		expect(String(json.activationCode)).toMatch(/^LPA:1\$/);
		expect(String(json.iosInstallUrl)).toContain(
			'https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA%3A1%24',
		);
		expect(json.qrCodeUrl).toContain('/qr/');
		const binary = items[0].binary!.qrCode;
		expect(binary.mimeType).toBe('image/png');
		const png = Buffer.from(binary.data, 'base64');
		expect(decodeQrPng(png)).toBe(json.activationCode);
	});

	it('outputs one item per eSIM for a quantity above one', async () => {
		const { items } = await f.run(create({ waitForFulfilment: true, quantity: 3 }));
		expect(items).toHaveLength(3);
		expect(new Set(items.map((i) => i.json.iccid)).size).toBe(3);
		expect(items.map((i) => i.json.esimIndex)).toEqual([1, 2, 3]);
		expect(items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it('downloads the provider QR image when asked to', async () => {
		const { items } = await f.run(
			create({ waitForFulfilment: true, options: { qrImage: 'download', binaryProperty: 'qr' } }),
		);
		expect(items[0].binary!.qr.mimeType).toBe('image/png');
		expect(Buffer.from(items[0].binary!.qr.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
	});

	it('re-running the same input item returns the first order instead of buying again', async () => {
		const input = [{ shopifyOrder: 1001, line: 1 }];
		const first = await f.run(create(), input);
		const second = await f.run(create(), input);
		expect(second.items[0].json.orderNo).toBe(first.items[0].json.orderNo);
		expect(second.items[0].json.replayed).toBe(true);
		expect(f.sandbox.trade.orders).toHaveLength(1);
		expect(f.sandbox.trade.ledger.filter((e) => e.type === 'debit')).toHaveLength(1);
		const other = await f.run(create(), [{ shopifyOrder: 1002, line: 1 }]);
		expect(other.items[0].json.orderNo).not.toBe(first.items[0].json.orderNo);
	});

	it('a mapped key reused for a different purchase fails with a 409 explained, and charges nothing', async () => {
		await f.run(create({ idempotencyKey: 'shop-1001-1' }));
		const cents = f.sandbox.trade.walletCents;
		const { status, error } = await f.run(create({ idempotencyKey: 'shop-1001-1', quantity: 2 }));
		expect(status).toBe('error');
		expect(error!.name).toBe('NodeApiError');
		expect(error!.httpCode).toBe('409');
		expect(error!.message).toBe('This idempotency key was already used for a different purchase');
		expect(f.sandbox.trade.walletCents).toBe(cents);
	});

	it('says plainly when the wallet is short, with the balance', async () => {
		f.sandbox.trade.setWallet(100);
		const { error } = await f.run(create());
		expect(error!.httpCode).toBe('402');
		expect(error!.message).toMatch(/^Insufficient balance/);
		expect(error!.description).toContain('The wallet balance is $1.00');
		expect(f.sandbox.trade.orders).toHaveLength(0);
	});

	it('a reset after the order was committed is retried with the same key: one order, one debit', async () => {
		f.sandbox.faults.addRule({
			route: 'POST /api/v1/portal/order',
			kind: 'reset-after-commit',
			count: 1,
		});
		const { status, items } = await f.run(create());
		expect(status).toBe('success');
		expect(requestsTo(f.sandbox, 'POST', '/portal/order')).toBe(2);
		expect(f.sandbox.trade.orders).toHaveLength(1);
		expect(f.sandbox.trade.ledger.filter((e) => e.type === 'debit')).toHaveLength(1);
		expect(items[0].json.orderNo).toBe(f.sandbox.trade.orders[0].orderNo);
	});

	it('retries 503 and 429 (honouring Retry-After) and still buys once', async () => {
		f.sandbox.faults.addRule({ route: 'POST /api/v1/portal/order', kind: '5xx', count: 2 });
		f.sandbox.faults.addRule({ route: 'POST /api/v1/portal/order', kind: '429', count: 1 });
		const { status } = await f.run(create());
		expect(status).toBe('success');
		expect(requestsTo(f.sandbox, 'POST', '/portal/order')).toBe(4);
		expect(f.sandbox.trade.orders).toHaveLength(1);
	});

	it('a hung purchase times out and is retried with the same key without a second debit', async () => {
		f.sandbox.faults.set({ hangMs: 3000 });
		f.sandbox.faults.addRule({
			route: 'POST /api/v1/portal/order',
			kind: 'hang-after-commit',
			count: 1,
		});
		const { status } = await f.run(create({ options: { requestTimeout: 1 } }));
		expect(status).toBe('success');
		expect(f.sandbox.trade.orders).toHaveLength(1);
		expect(f.sandbox.trade.ledger.filter((e) => e.type === 'debit')).toHaveLength(1);
	});

	it('reports a failed fulfilment (refunded by the provider) as fulfilment "failed"', async () => {
		f.sandbox.trade.configure({ failureRate: 1 });
		const { items } = await f.run(create({ waitForFulfilment: true }));
		expect(items[0].json.fulfilment).toBe('failed');
		expect(items[0].binary).toBeUndefined();
		f.sandbox.trade.configure({ failureRate: 0 });
	});

	it('outputs fulfilment "timedOut" when the eSIM is not issued in time', async () => {
		f.sandbox.trade.configure({ fulfilmentDelayMs: 60_000 });
		const { items } = await f.run(create({ waitForFulfilment: true, options: { waitTimeout: 5 } }));
		expect(items[0].json.fulfilment).toBe('timedOut');
		expect(items[0].json.orderNo).toBeTruthy();
		f.sandbox.trade.configure({ fulfilmentDelayMs: 200 });
	}, 20_000);

	it('never puts the secret key in outputs or errors', async () => {
		f.sandbox.trade.setWallet(0);
		const failed = await f.run(create());
		const ok = await f.run({ resource: 'wallet', operation: 'getBalance' });
		expect(JSON.stringify(failed.run)).not.toContain(SECRET);
		expect(JSON.stringify(ok.run)).not.toContain(SECRET);
	});
});
