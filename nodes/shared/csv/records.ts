import type { IDataObject } from 'n8n-workflow';

import { parseCsv } from './parse';

/**
 * Characters a spreadsheet may skip before it reads what a cell starts with:
 * spaces and tabs, line breaks, no-break and other Unicode spaces, zero-width
 * characters, the byte-order mark, and quotes.
 */
const SKIPPED = /^[\s\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"'`]*/u;

/**
 * Characters that start a formula (OWASP, CSV injection): = + - @ and the pipe
 * (DDE), in their ASCII, full-width and small forms.
 */
const FORMULA_CHARS = new Set([
	'=',
	'+',
	'-',
	'@',
	'|',
	'\uff1d',
	'\uff0b',
	'\uff0d',
	'\uff20',
	'\uff5c',
	'\ufe66',
	'\ufe62',
	'\ufe63',
	'\ufe6b',
]);

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A cell made safe to open in a spreadsheet: a leading `'` when it starts with
 * a tab or carriage return, or when its first character after any spaces,
 * line breaks, invisible characters and quotes is =, +, -, @ or | (also
 * full-width and small forms such as ＝). Plain numbers such as `-5` are left alone.
 */
export function neutraliseFormula(value: string): string {
	if (PLAIN_NUMBER.test(value)) return value;
	if (value.startsWith('\t') || value.startsWith('\r')) return `'${value}`;
	const skipped = SKIPPED.exec(value)?.[0].length ?? 0;
	return FORMULA_CHARS.has(value.charAt(skipped)) ? `'${value}` : value;
}

/**
 * Column names from a header row: an empty name becomes `column<n>`, and a
 * repeated name gets the first suffix `_2`, `_3`… that no other column uses
 * (`email,email` gives `email` and `email_2`; `email,email,email_2` gives
 * `email`, `email_3` and `email_2`), so every column keeps its values and a
 * name the provider wrote once stays as it is.
 */
export function columnNames(header: string[], rename: (name: string) => string): string[] {
	const bases = header.map((raw, index) => rename(raw.trim()) || `column${index + 1}`);
	const written = new Set(bases);
	const taken = new Set<string>();
	return bases.map((base) => {
		let name = base;
		for (let n = 2; taken.has(name) || (name !== base && written.has(name)); n++)
			name = `${base}_${n}`;
		taken.add(name);
		return name;
	});
}

/**
 * The records after the header row as objects keyed by the header's column
 * names (see columnNames). Rows have no prototype, so a column named
 * `__proto__` or `constructor` keeps its values like any other. With
 * `neutralise`, header names and values pass neutraliseFormula.
 */
export function csvRecords(
	text: string,
	neutralise = false,
): { columns: string[]; rows: IDataObject[] } {
	const [header = [], ...body] = parseCsv(text);
	const cell = neutralise ? neutraliseFormula : (value: string) => value;
	const columns = columnNames(header, cell);
	const rows = body.map((values) => {
		const row = Object.create(null) as IDataObject;
		columns.forEach((name, index) => {
			row[name] = cell(values[index] ?? '');
		});
		return row;
	});
	return { columns, rows };
}
