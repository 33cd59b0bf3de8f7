import { neutraliseFormula } from '../../nodes/shared/csv/records';
import { parseCsv } from '../../nodes/shared/csv/parse';
import { luhnDigit, luhnValid } from '../../nodes/shared/esim/iccid';
import { imageType, refusalFor } from '../../nodes/shared/transport/qrDownload';
import { hidePasswords, numeric } from '../../nodes/shared/input/validation';
import { hasUrlCredentials } from '../../nodes/shared/url/credentials';

describe('QR URLs from the provider', () => {
	const remote = { allowLoopback: false };
	const local = { allowLoopback: true };

	it.each([
		'https://169.254.169.254/latest/meta-data/',
		'https://[::ffff:169.254.169.254]/',
		'https://[::ffff:a9fe:a9fe]/',
		'https://2852039166/',
		'https://0xa9.0xfe.0xa9.0xfe/',
		'https://10.1.2.3/',
		'https://172.16.0.1/',
		'https://192.168.1.1/',
		'https://100.64.0.1/',
		'https://0.0.0.0/',
		'https://[fe80::1]/',
		'https://[fd00::1]/',
		'https://[::]/',
		'https://metadata.google.internal/',
		'https://printer.local/',
		'https://intranet/',
	])('never fetches the internal address %s', (url) => {
		expect(refusalFor(url, remote)).toMatch(/internal address/);
		expect(refusalFor(url, local)).toMatch(/internal address/);
	});

	it.each([
		'https://127.0.0.1/qr.png',
		'https://localhost/qr.png',
		'https://[::1]/qr.png',
		'https://2130706433/qr.png',
		'https://app.localhost/',
	])('fetches the loopback address %s only when the Base URL is loopback', (url) => {
		expect(refusalFor(url, remote)).toMatch(/points to this machine/);
		expect(refusalFor(url, local)).toBeUndefined();
	});

	it('takes https to public hosts; http only to loopback with a loopback Base URL', () => {
		expect(refusalFor('https://qr.esimtrade.com/x.png', remote)).toBeUndefined();
		expect(refusalFor('http://qr.esimtrade.com/x.png', local)).toMatch(/must use https/);
		expect(refusalFor('http://127.0.0.1:8080/x.png', remote)).toMatch(/must use https/);
		expect(refusalFor('http://127.0.0.1:8080/x.png', local)).toBeUndefined();
		expect(refusalFor('ftp://qr.esimtrade.com/x.png', remote)).toMatch(/must use https/);
		expect(refusalFor('https://user:pw@qr.esimtrade.com/x.png', remote)).toMatch(
			/user name or password/,
		);
		expect(refusalFor('not a url', remote)).toMatch(/not a valid URL/);
	});

	it('follows a redirect only on the same host', () => {
		const from = new URL('https://qr.esimtrade.com/a');
		expect(refusalFor('/b.png', remote, from)).toBeUndefined();
		expect(refusalFor('https://cdn.example.com/b.png', remote, from)).toMatch(/another host/);
	});

	it('knows PNG, JPEG and GIF by their first bytes', () => {
		expect(
			imageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mimeType,
		).toBe('image/png');
		expect(imageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mimeType).toBe('image/jpeg');
		expect(imageType(Buffer.from('GIF89a'))?.mimeType).toBe('image/gif');
		expect(imageType(Buffer.from('<html>'))).toBeUndefined();
	});
});

describe('Inputs', () => {
	it('turns only plain decimal text into numbers', () => {
		expect([numeric('2'), numeric(' 2 '), numeric('2.5'), numeric('-1'), numeric(3)]).toEqual([
			2, 2, 2.5, -1, 3,
		]);
		expect([
			numeric('0x10'),
			numeric('0b11'),
			numeric('1e1'),
			numeric('0o7'),
			numeric(''),
			numeric('Infinity'),
		]).toEqual(['0x10', '0b11', '1e1', '0o7', '', 'Infinity']);
	});

	it('checks ICCIDs with the Luhn algorithm', () => {
		expect(luhnValid('8948010000350829578')).toBe(true);
		expect(luhnValid('8948010000350829577')).toBe(false);
		expect(luhnDigit('894801000035082957')).toBe('8');
	});

	it('spots and hides URL credentials', () => {
		expect(hasUrlCredentials('https://u:p@example.com/')).toBe(true);
		expect(hasUrlCredentials('https://u@example.com/')).toBe(true);
		expect(hasUrlCredentials('https://example.com/@me')).toBe(false);
		expect(hidePasswords('"https://shop:hunter2@example.com/ok"')).toBe(
			'"https://shop:***@example.com/ok"',
		);
	});
});

describe('CSV from the provider', () => {
	it('refuses a quoted field that is never closed', () => {
		expect(() => parseCsv('a,b\r\n1,"x\r\n2,y\r\n')).toThrow(
			'a quoted field that starts on line 2 is never closed',
		);
	});

	it('neutralises formulas but not plain numbers', () => {
		expect(
			['=1+1', '+1', '-1+1', '@A1', '\tx', '\rx', 'ok', '-5', '+4.5', ''].map(neutraliseFormula),
		).toEqual(["'=1+1", '+1', "'-1+1", "'@A1", "'\tx", "'\rx", 'ok', '-5', '+4.5', '']);
	});
});
