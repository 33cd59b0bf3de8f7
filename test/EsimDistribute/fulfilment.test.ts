import { inflateSync } from 'node:zlib';

import {
	checkout,
	distributeFixture,
	planIds,
	requestsTo,
	type DistributeFixture,
} from '../helpers/distribute';

/** The width and height a PNG's IHDR declares, after checking the signature; the pixels inflate. */
function pngSize(png: Buffer): { width: number; height: number } {
	expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	const idat = png.indexOf('IDAT');
	expect(
		inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4))).length,
	).toBeGreaterThan(0);
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('eSIM Distribute checkout: wait for fulfilment', () => {
	let f: DistributeFixture;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const sim = () => f.sandbox.distribute;
	const wait = (extra: object = {}) => ({ waitForFulfilment: true, ...extra });

	it('waits until each order is completed and outputs one item per eSIM with activation, install links and a QR PNG', async () => {
		const [a, b] = planIds(f.sandbox, 2);
		const { status, items } = await f.run(
			checkout(
				[
					[a, 2],
					[b, 1],
				],
				wait(),
			),
		);
		expect(status).toBe('success');
		expect(items).toHaveLength(3);
		const esims = sim().orders.flatMap((o) => o.esims.map((e) => e.iccid));
		expect(items.map((i) => i.json.iccid).sort()).toEqual(esims.sort());
		for (const item of items) {
			expect(item.json).toMatchObject({
				fulfilment: 'fulfilled',
				status: 'completed',
				reconciled: false,
				customerEmail: 'traveller@example.com',
			});
			expect(String(item.json.activationCode)).toMatch(
				/^LPA:1\$smdp\.sandbox\.esimdistribute\.test\$/,
			);
			expect(String(item.json.iosInstallUrl)).toMatch(
				/^https:\/\/esimsetup\.apple\.com\/esim_qrcode_provisioning\?carddata=LPA%3A1/,
			);
			expect(String(item.json.androidInstallUrl)).toMatch(/^https:\/\/esimsetup\.android\.com\//);
			expect(item.json.esims).toBeUndefined();
			expect(item.binary!.qrCode.mimeType).toBe('image/png');
			const { width } = pngSize(Buffer.from(item.binary!.qrCode.data, 'base64'));
			expect(width).toBeGreaterThan(20);
			expect(item.pairedItem).toMatchObject({ item: 0 });
		}
		expect(
			items.filter((i) => i.json.planId === a).map((i) => [i.json.esimIndex, i.json.esimCount]),
		).toEqual([
			[1, 2],
			[2, 2],
		]);
		expect(requestsTo(f.sandbox, 'POST', '/orders/checkout')).toBe(1);
	});

	it('an order that fails is output once with fulfilment "failed" and no QR code', async () => {
		sim().setFulfilment({ failureRate: 1 });
		const [a] = planIds(f.sandbox, 1);
		const { status, items } = await f.run(checkout([[a, 1]], wait()));
		expect(status).toBe('success');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ fulfilment: 'failed', status: 'failed' });
		expect(items[0].binary).toBeUndefined();
	});

	it('the wait is bounded: an order still pending at the timeout is output as "timedOut", with growing pauses', async () => {
		sim().setFulfilment({ delayMs: 60_000 });
		const [a] = planIds(f.sandbox, 1);
		const started = Date.now();
		const { status, items } = await f.run(
			checkout([[a, 1]], wait({ options: { waitTimeout: 5 } })),
		);
		const took = Date.now() - started;
		expect(status).toBe('success');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ fulfilment: 'timedOut', status: 'pending' });
		expect(took).toBeGreaterThanOrEqual(5000);
		const reads = f.sandbox.log
			.entries({ method: 'GET', path: '/api/tenant/orders/*' })
			.map((e) => e.at);
		// 0.5 s, 0.75 s, 1.1 s, 1.7 s… so about 6 reads in 5 s rather than 10 at a fixed 0.5 s.
		expect(reads.length).toBeGreaterThanOrEqual(4);
		expect(reads.length).toBeLessThanOrEqual(7);
		const gaps = reads.slice(1).map((at, k) => at - reads[k]);
		expect(gaps[gaps.length - 2]).toBeGreaterThan(gaps[0]);
	}, 20_000);

	it('a checkout reconciled after a dropped connection waits the same way', async () => {
		f.sandbox.faults.addRule({
			route: 'POST /api/tenant/orders/checkout',
			kind: 'reset-after-commit',
			count: 1,
		});
		const [a] = planIds(f.sandbox, 1);
		const { status, items } = await f.run(checkout([[a, 2]], wait()));
		expect(status).toBe('success');
		expect(items).toHaveLength(2);
		expect(
			items.every((i) => i.json.reconciled === true && i.json.fulfilment === 'fulfilled'),
		).toBe(true);
		expect(items.every((i) => i.binary?.qrCode.mimeType === 'image/png')).toBe(true);
		expect(requestsTo(f.sandbox, 'POST', '/orders/checkout')).toBe(1);
	});

	it('is on by default', async () => {
		const [a] = planIds(f.sandbox, 1);
		const params = checkout([[a, 1]]);
		delete params.waitForFulfilment;
		const { items } = await f.run(params);
		expect(items[0].json).toMatchObject({ fulfilment: 'fulfilled' });
		expect(items[0].json.iccid).toBeTruthy();
	});
});
