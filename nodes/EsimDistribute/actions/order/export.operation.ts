import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { csvRecords } from '../../../shared/csv/records';
import { orderFilters, readOrderFilters } from '../../descriptions/orderFilters';
import { distributeClient } from '../../transport/client';

const show = { resource: ['order'], operation: ['export'] };

export const description: INodeProperties[] = [
	orderFilters(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Output Rows as Items',
				name: 'includeRows',
				type: 'boolean',
				default: false,
				description:
					'Whether to also output every CSV row as an item (the file stays on the first item) instead of one item with the file',
			},
			{
				displayName: 'Neutralise Spreadsheet Formulas',
				name: 'neutraliseFormulas',
				type: 'boolean',
				default: true,
				description:
					"Whether to put a ' before column names and row values that start with =, +, -, @ or | (also after spaces, line breaks, invisible characters or quotes, and in full-width forms such as ＝), or with a tab or carriage return, so a spreadsheet opened from these items does not run them as formulas (OWASP CSV injection advice). Plain numbers such as -5 are kept. Applies to the items; the file stays as eSIM Distribute sent it.",
			},
			{
				displayName: 'Put File in Field',
				name: 'binaryProperty',
				type: 'string',
				default: 'data',
				description: 'Name of the binary field that receives the CSV file',
			},
		],
	},
];

/** The provider's dated file name when it gives one, else `orders-<today>.csv`. */
function fileNameFrom(ctx: IExecuteFunctions, disposition: string | undefined, i: number): string {
	const given = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '')?.[1];
	let decoded = '';
	try {
		decoded = given ? decodeURIComponent(given) : '';
	} catch {
		throw new NodeOperationError(
			ctx.getNode(),
			'eSIM Distribute sent the export with a malformed file name',
			{
				itemIndex: i,
				description: `Its Content-Disposition header names the file with an invalid percent-encoding ("${given!.slice(0, 80)}"). This is a problem on the provider's side; try again later, or use Order → Get Many instead.`,
			},
		);
	}
	const safe = decoded
		? decoded
				.split(/[\\/]/)
				.pop()!
				.replace(/[^\w.-]/g, '-')
		: '';
	if (/\d{4}-\d{2}-\d{2}/.test(safe) && /\.csv$/i.test(safe)) return safe;
	return `orders-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** The CSV text: the body itself, or a string inside an envelope (`data`: the unwrapped body). */
function csvText(ctx: IExecuteFunctions, data: unknown, i: number): string {
	if (typeof data === 'string') return data;
	const nested = (data as IDataObject | undefined)?.csv;
	if (typeof nested === 'string') return nested;
	throw new NodeOperationError(
		ctx.getNode(),
		'eSIM Distribute answered the export without CSV data',
		{
			itemIndex: i,
			description:
				'The order export returned something other than CSV text. Try again, or use Order → Get Many instead.',
		},
	);
}

/** The CSV rows, or a clear error when the file is not valid CSV. */
function readRecords(
	ctx: IExecuteFunctions,
	csv: string,
	i: number,
	neutralise: boolean,
): ReturnType<typeof csvRecords> {
	try {
		return csvRecords(csv, neutralise);
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`eSIM Distribute sent an export that is not valid CSV: ${(error as Error).message}`,
			{
				itemIndex: i,
				description:
					"No rows were output, so that no order is silently left out. This is a problem on the provider's side; try again later, or use Order → Get Many instead.",
			},
		);
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = readOrderFilters(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const property = String(options.binaryProperty || 'data');
	const client = distributeClient(this, i);
	const response = await client.export(filters);
	const csv = csvText(this, client.unwrap(response), i);
	const fileName = fileNameFrom(this, response.headers['content-disposition'], i);
	const { columns, rows } = readRecords(this, csv, i, options.neutraliseFormulas !== false);
	const file = await this.helpers.prepareBinaryData(Buffer.from(csv, 'utf8'), fileName, 'text/csv');
	if (!options.includeRows || rows.length === 0) {
		return [{ json: { fileName, rowCount: rows.length, columns }, binary: { [property]: file } }];
	}
	return rows.map((json, index) =>
		index === 0 ? { json, binary: { [property]: file } } : { json },
	);
}
