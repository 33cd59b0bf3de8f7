import { CSV_COLUMNS, csvField } from '../../sandbox/distribute/csv';
import { planId, setup } from './distribute-client';

/** Minimal RFC 4180 reader for checking the export. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	return rows;
}

describe('eSIM Distribute sim: CSV export and admin', () => {
	it('exports orders as RFC 4180 CSV with CRLF, quoting and joined ICCIDs', () => {
		const t = setup();
		t.login();
		const japan = planId(t.sim, 'Japan 5GB 30 Days');
		const body = {
			items: [{ planId: japan, quantity: 2 }],
			email: 'customer@example.com',
			customerName: 'Doe, "JJ"\nJunior',
			phone: '+852 1234',
		};
		t.call('POST', '/orders/checkout', { body });
		t.advance(300);
		const res = t.call('GET', '/orders/export');
		expect(res.status).toBe(200);
		expect(res.raw.headers).toEqual({
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="orders-2026-03-10.csv"',
		});
		const text = res.raw.body as string;
		expect(typeof text).toBe('string');
		expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text).toContain('"Doe, ""JJ""\nJunior"');
		const rows = parseCsv(text);
		expect(rows[0]).toEqual([
			'orderNumber',
			'orderId',
			'createdAt',
			'status',
			'planName',
			'quantity',
			'unitPrice',
			'totalAmount',
			'currency',
			'customerEmail',
			'customerName',
			'phone',
			'iccids',
		]);
		const order = t.sim.orders[0];
		expect(rows[1]).toEqual([
			order?.orderNumber,
			order?.id,
			order?.createdAt,
			'completed',
			'Japan 5GB 30 Days',
			'2',
			'12.50',
			'25.00',
			'USD',
			'customer@example.com',
			'Doe, "JJ"\nJunior',
			'+852 1234',
			order?.esims.map((e) => e.iccid).join(';'),
		]);
		expect(rows).toHaveLength(2);
	});

	it('filters the export by date range and status, and validates the filters', () => {
		const t = setup();
		t.login();
		t.sim.seedOrders(72, { spacingMs: 3_600_000 });
		t.sim.seedOrders(3, { status: 'failed', spacingMs: 60_000 });
		const rows = (query: Record<string, string>) =>
			parseCsv(t.call('GET', '/orders/export', { query }).raw.body as string).slice(1);
		expect(rows({})).toHaveLength(75);
		const day = rows({ from: '2026-03-08', to: '2026-03-08' });
		expect(day).toHaveLength(24);
		expect(day.every((r) => r[2]?.startsWith('2026-03-08'))).toBe(true);
		expect(rows({ from: '2026-03-10' })).toHaveLength(12 + 3);
		expect(rows({ status: 'failed' }).map((r) => r[3])).toEqual(['failed', 'failed', 'failed']);
		expect(rows({ to: '2026-03-06' })).toEqual([]);
		const bad: Record<string, string>[] = [
			{ from: '2026-3-8' },
			{ to: '2026-02-30' },
			{ from: '2026-03-09', to: '2026-03-08' },
			{ status: 'x' },
		];
		for (const query of bad) {
			const res = t.call('GET', '/orders/export', { query });
			expect([res.status, res.body.error]).toEqual([400, 'VALIDATION_ERROR']);
		}
		const unauth = t.call('GET', '/orders/export', { token: 'nope' });
		expect(unauth.status).toBe(401);
		expect(unauth.body).toMatchObject({ success: false, error: 'UNAUTHORIZED' });
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a\rb')).toBe('"a\rb"');
	});

	it('exposes balance, stats, tenants, orders and transactions to admin', () => {
		const t = setup();
		t.login();
		expect(t.admin('GET', 'balance').body.data).toEqual({
			tenantId: t.sim.demoTenantId,
			creditBalance: 1000,
			currency: 'USD',
		});
		expect(t.admin('POST', '/balance/', { amount: 20.5 }).body.data).toMatchObject({
			creditBalance: 20.5,
		});
		expect(t.sim.balance).toBe(20.5);
		expect(t.admin('POST', 'balance', { amount: -1 }).status).toBe(400);
		t.call('POST', '/orders/checkout', {
			body: { items: [{ planId: planId(t.sim, 'Pakistan'), quantity: 3 }], email: 'a@b.co' },
		});
		expect(t.admin('GET', 'stats').body.data).toMatchObject({
			loginCount: 1,
			orders: 1,
			balance: 19,
		});
		expect(t.admin<unknown[]>('GET', 'tenants').body.data).toHaveLength(1);
		expect(t.admin<{ tenantId: string }[]>('GET', 'orders').body.data[0]?.tenantId).toBe(
			t.sim.demoTenantId,
		);
		expect(t.admin<unknown[]>('GET', 'transactions').body.data).toHaveLength(1);
		expect(t.admin('POST', 'fulfilment', { delayMs: 0, failureRate: 0.5 }).body.data).toEqual({
			delayMs: 0,
			failureRate: 0.5,
		});
		expect(t.admin('POST', 'fulfilment', { failureRate: 2 }).status).toBe(400);
		expect(t.admin('GET', 'nothing-here').status).toBe(404);
		t.sim.reset();
		expect(t.sim.balance).toBe(1000);
		expect(t.sim.orders).toHaveLength(0);
		expect(t.sim.loginCount).toBe(0);
	});
});
