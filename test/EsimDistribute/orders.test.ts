import { csvRecords } from '../../nodes/shared/csv/records';
import {
	checkout,
	distributeFixture,
	fromList,
	planIds,
	requestsTo,
	type DistributeFixture,
} from '../helpers/distribute';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('eSIM Distribute orders: list, read with QR, export as CSV', () => {
	let f: DistributeFixture;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	const sim = () => f.sandbox.distribute;

	it('Get Many with Return All walks every page, newest first, without repeats', async () => {
		sim().seedOrders(257);
		const { items } = await f.run({ resource: 'order', operation: 'getMany', returnAll: true });
		expect(items.map((i) => i.json.id)).toEqual(sim().orders.map((o) => o.id));
		expect(requestsTo(f.sandbox, 'GET', '/orders')).toBe(3);
		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'createdAt',
				'currency',
				'customerEmail',
				'id',
				'orderNumber',
				'planId',
				'planName',
				'quantity',
				'status',
				'totalAmount',
			].sort(),
		);
	});

	it('Get Many with a Limit asks for no more than needed; filters are passed on', async () => {
		sim().seedOrders(60, { email: 'vip@example.com', status: 'failed' });
		sim().seedOrders(40);
		const { items } = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: false,
			limit: 25,
			simplify: false,
			filters: { email: 'VIP@example.com', status: 'failed', from: '2000-01-01T00:00:00.000Z' },
		});
		expect(items).toHaveLength(25);
		expect(
			items.every((i) => i.json.customerEmail === 'vip@example.com' && i.json.status === 'failed'),
		).toBe(true);
		expect(items[0].json.esims).toEqual([]);
		const [request] = f.sandbox.log.entries({ path: '/api/tenant/orders' });
		expect(request.query).toMatchObject({
			limit: '25',
			page: '1',
			email: 'VIP@example.com',
			status: 'failed',
			from: '2000-01-01',
		});
	});

	it('Get returns one item per eSIM with activation details and a QR PNG', async () => {
		const [order] = sim()
			.seedOrders(3)
			.filter((o) => o.quantity === 2);
		const { status, items } = await f.run({
			resource: 'order',
			operation: 'get',
			order: fromList(order.id),
		});
		expect(status).toBe('success');
		expect(items).toHaveLength(2);
		expect(items.map((i) => i.json.esimIndex)).toEqual([1, 2]);
		const [first] = items;
		expect(first.json).toMatchObject({
			id: order.id,
			orderNumber: order.orderNumber,
			fulfilment: 'fulfilled',
			iccid: order.esims[0].iccid,
		});
		expect(first.json.activationCode).toBe(order.esims[0].activationCode);
		expect(String(first.json.iosInstallUrl)).toMatch(/^https:\/\/esimsetup\.apple\.com\//);
		expect(first.json.esims).toBeUndefined();
		expect(first.binary!.qrCode.mimeType).toBe('image/png');
		expect(Buffer.from(first.binary!.qrCode.data, 'base64').subarray(0, 4)).toEqual(PNG);
		expect(items[1].json.iccid).toBe(order.esims[1].iccid);
	});

	it('Get can download the provider QR image into a named field', async () => {
		const [order] = sim().seedOrders(1, { origin: f.sandbox.url });
		const { items } = await f.run({
			resource: 'order',
			operation: 'get',
			order: { __rl: true, mode: 'id', value: order.id },
			options: { qrImage: 'download', binaryProperty: 'qr' },
		});
		expect(Buffer.from(items[0].binary!.qr.data, 'base64').subarray(0, 4)).toEqual(PNG);
		expect(f.sandbox.log.count({ path: `/qr/${order.esims[0].iccid}.png` })).toBe(1);
	});

	it('Get of a pending order outputs it without a QR; an unknown id is explained', async () => {
		const [plan] = planIds(f.sandbox, 1);
		sim().setFulfilment({ delayMs: 60_000 });
		const placed = await f.run(checkout([[plan]]));
		const id = String(placed.items[0].json.id);
		const { items } = await f.run({ resource: 'order', operation: 'get', order: fromList(id) });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id, status: 'pending', fulfilment: 'pending' });
		expect(items[0].binary).toBeUndefined();
		const missing = await f.run({
			resource: 'order',
			operation: 'get',
			order: fromList('no-such-order'),
		});
		expect(missing.error!.httpCode).toBe('404');
		expect(missing.error!.message).toBe('Order no-such-order was not found at eSIM Distribute');
	});

	it('Export puts the CSV in a binary field with a dated file name', async () => {
		const [plan] = planIds(f.sandbox, 1);
		await f.run(checkout([[plan, 2]], { customerName: 'Doe, "JJ"' }));
		sim().seedOrders(3);
		const { items } = await f.run({ resource: 'order', operation: 'export' });
		expect(items).toHaveLength(1);
		const today = new Date().toISOString().slice(0, 10);
		expect(items[0].json).toMatchObject({ fileName: `orders-${today}.csv`, rowCount: 4 });
		const file = items[0].binary!.data;
		expect(file).toMatchObject({ fileName: `orders-${today}.csv`, mimeType: 'text/csv' });
		const text = Buffer.from(file.data, 'base64').toString('utf8');
		expect(
			text.startsWith(
				'orderNumber,orderId,createdAt,status,planName,quantity,unitPrice,totalAmount,currency,customerEmail,customerName,phone,iccids\r\n',
			),
		).toBe(true);
		expect(text).toContain('"Doe, ""JJ"""');
		const { rows } = csvRecords(text);
		expect(rows[0]).toMatchObject({
			customerName: 'Doe, "JJ"',
			quantity: '2',
			customerEmail: 'traveller@example.com',
		});
	});

	it('Export can also output every row as an item, the file on the first one; filters are passed on', async () => {
		sim().seedOrders(5, { email: 'csv@example.com' });
		sim().seedOrders(5);
		const { items } = await f.run({
			resource: 'order',
			operation: 'export',
			filters: { email: 'csv@example.com' },
			options: { includeRows: true, binaryProperty: 'csv' },
		});
		expect(items).toHaveLength(5);
		expect(items.every((i) => i.json.customerEmail === 'csv@example.com')).toBe(true);
		expect(items[0].binary!.csv.fileName).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(items[1].binary).toBeUndefined();
		expect(items.map((i) => i.json.orderId)).toEqual(
			sim()
				.orders.filter((o) => o.customerEmail === 'csv@example.com')
				.map((o) => o.id),
		);
	});

	it('the order picker lists orders page by page and filters them', async () => {
		sim().seedOrders(130);
		const first = await f.search('searchOrders');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		expect(first.results[0].value).toBe(sim().orders[0].id);
		expect(String(first.results[0].name)).toContain(sim().orders[0].orderNumber);
		const second = await f.search('searchOrders', undefined, first.paginationToken);
		expect(second.results).toHaveLength(30);
		expect(second.paginationToken).toBeUndefined();
		const filtered = await f.search('searchOrders', 'customer7@');
		expect(filtered.results.length).toBeGreaterThan(0);
		expect(filtered.results.every((r) => String(r.name).includes('customer7@example.com'))).toBe(
			true,
		);
	});
});
