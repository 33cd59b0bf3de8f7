import { csvRecords } from '../../../nodes/shared/csv/records';
import { parseCsv } from '../../../nodes/shared/csv/parse';

describe('RFC 4180 CSV parser', () => {
	it('reads plain, quoted and empty fields with CRLF records', () => {
		expect(parseCsv('a,b,c\r\n1,,3\r\n')).toEqual([
			['a', 'b', 'c'],
			['1', '', '3'],
		]);
	});

	it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
		const text = 'name,note\r\n"Doe, ""JJ""","line one\r\nline two"\r\n"",x\r\n';
		expect(parseCsv(text)).toEqual([
			['name', 'note'],
			['Doe, "JJ"', 'line one\r\nline two'],
			['', 'x'],
		]);
	});

	it('accepts LF and a missing final line break, skips blank lines and a byte-order mark', () => {
		expect(parseCsv('\ufeffa,b\n1,2\n\n3,4')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4'],
		]);
	});

	it('a trailing empty field is kept', () => {
		expect(parseCsv('a,b\r\n1,\r\n')).toEqual([
			['a', 'b'],
			['1', ''],
		]);
	});

	it('turns records into objects keyed by the header, filling short rows', () => {
		expect(csvRecords('id,name,iccids\r\n1,Ann,89;88\r\n2,Bo\r\n')).toEqual({
			columns: ['id', 'name', 'iccids'],
			rows: [
				{ id: '1', name: 'Ann', iccids: '89;88' },
				{ id: '2', name: 'Bo', iccids: '' },
			],
		});
		expect(csvRecords('')).toEqual({ columns: [], rows: [] });
	});
});
