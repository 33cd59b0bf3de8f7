import type { IDataObject } from 'n8n-workflow';

/**
 * Parses RFC 4180 CSV: fields separated by commas, records by CRLF or LF,
 * fields in double quotes may hold commas, line breaks and doubled quotes.
 * A byte-order mark and a final line break are ignored; blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const endField = () => {
		record.push(field);
		field = '';
	};
	const endRecord = () => {
		endField();
		if (record.length > 1 || record[0] !== '') records.push(record);
		record = [];
	};
	for (; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char !== '"') field += char;
			else if (text[i + 1] === '"') {
				field += '"';
				i++;
			} else quoted = false;
		} else if (char === '"' && field === '') quoted = true;
		else if (char === ',') endField();
		else if (char === '\n') endRecord();
		else if (char === '\r') {
			if (text[i + 1] === '\n') i++;
			endRecord();
		} else field += char;
	}
	if (field !== '' || record.length > 0) endRecord();
	return records;
}

/** The records after the header row as objects keyed by the header's column names. */
export function csvRecords(text: string): { columns: string[]; rows: IDataObject[] } {
	const [header = [], ...body] = parseCsv(text);
	const columns = header.map((name, index) => name.trim() || `column${index + 1}`);
	const rows = body.map((values) => {
		const row: IDataObject = {};
		columns.forEach((name, index) => {
			row[name] = values[index] ?? '';
		});
		return row;
	});
	return { columns, rows };
}
