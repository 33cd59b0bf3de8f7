import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { csvRecords } from '../../../shared/transport/csv';
import { orderFilters, readOrderFilters } from '../../descriptions/orderFilters';
import { distributeCall, unwrapEnvelope } from '../../transport';

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
function fileNameFrom(disposition: string | undefined): string {
	const given = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '')?.[1];
	const safe = given ? decodeURIComponent(given).split(/[\\/]/).pop()!.replace(/[^\w.-]/g, '-') : '';
	if (/\d{4}-\d{2}-\d{2}/.test(safe) && /\.csv$/i.test(safe)) return safe;
	return `orders-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** The CSV text: the body itself, or a string inside an envelope. */
function csvText(ctx: IExecuteFunctions, body: unknown, i: number): string {
	const data = unwrapEnvelope(ctx, body, i);
	if (typeof data === 'string') return data;
	const nested = (data as IDataObject | undefined)?.csv;
	if (typeof nested === 'string') return nested;
	throw new NodeOperationError(ctx.getNode(), 'eSIM Distribute answered the export without CSV data', {
		itemIndex: i,
		description: 'The order export returned something other than CSV text. Try again, or use Order → Get Many instead.',
	});
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = readOrderFilters(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const property = String(options.binaryProperty || 'data');
	const response = await distributeCall(this, {
		method: 'GET',
		path: '/api/tenant/orders/export',
		qs: filters,
		retry: 'read',
		responseType: 'text',
		itemIndex: i,
	});
	const csv = csvText(this, response.body, i);
	const fileName = fileNameFrom(response.headers['content-disposition']);
	const file = await this.helpers.prepareBinaryData(Buffer.from(csv, 'utf8'), fileName, 'text/csv');
	const { columns, rows } = csvRecords(csv);
	if (!options.includeRows || rows.length === 0) {
		return [{ json: { fileName, rowCount: rows.length, columns }, binary: { [property]: file } }];
	}
	return rows.map((json, index) => (index === 0 ? { json, binary: { [property]: file } } : { json }));
}
