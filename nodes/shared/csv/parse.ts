/** A CSV text that cannot be read as RFC 4180 CSV. */
export class CsvError extends Error {}

/**
 * Parses RFC 4180 CSV: fields separated by commas, records by CRLF or LF,
 * fields in double quotes may hold commas, line breaks and doubled quotes.
 * A byte-order mark and a final line break are ignored; blank lines are skipped.
 * A quoted field that is never closed is an error (it would swallow the rest of the file).
 */
export function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let quoteStart = 0;
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
		} else if (char === '"' && field === '') {
			quoted = true;
			quoteStart = i;
		} else if (char === ',') endField();
		else if (char === '\n') endRecord();
		else if (char === '\r') {
			if (text[i + 1] === '\n') i++;
			endRecord();
		} else field += char;
	}
	if (quoted) {
		const line = text.slice(0, quoteStart).split(/\r\n|\r|\n/).length;
		throw new CsvError(
			`a quoted field that starts on line ${line} is never closed, so the rest of the file cannot be read`,
		);
	}
	if (field !== '' || record.length > 0) endRecord();
	return records;
}
