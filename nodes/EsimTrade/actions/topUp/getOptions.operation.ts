import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../../shared/input/validation';
import { dataOf, tradeGet } from '../../transport';
import { catalogRows } from '../../transport/plans';

export const description: INodeProperties[] = [
	{
		displayName: 'ICCID',
		name: 'iccid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8948010000095399804',
		displayOptions: { show: { resource: ['topUp'], operation: ['getOptions'] } },
		description:
			'An eSIM you sold. Outputs one item per top-up plan it can take, or one item with "available": false when none is offered.',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { iccid } = validateInput(
		this.getNode(),
		z.object({ iccid: fields.iccid() }),
		{ iccid: this.getNodeParameter('iccid', i) },
		{ iccid: 'ICCID' },
		i,
	);
	const body = await tradeGet(this, '/portal/topups', { iccid }, i, {
		hints: { subject: `eSIM with ICCID ${iccid}` },
		size: 'page',
	});
	const data = dataOf(body);
	// "No packageList returned" arrives inside `data` with a success status: no options, not a failure.
	const options =
		typeof data.error === 'string' && !Array.isArray(data.packageList) ? [] : catalogRows(body);
	if (!options.length) {
		const said = typeof data.error === 'string' ? data.error : undefined;
		const json: IDataObject = {
			iccid,
			available: false,
			message: `No top-up is available for the eSIM ${iccid} now`,
		};
		if (said) json.providerMessage = said;
		return [{ json }];
	}
	return options.map((option: IDataObject) => ({ json: { iccid, available: true, ...option } }));
}
