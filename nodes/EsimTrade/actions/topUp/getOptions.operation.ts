import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../../shared/input/validation';
import { tradeClient } from '../../transport/client';

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
	const { options, said } = await tradeClient(this, i).topUpOptions(iccid);
	if (!options.length) {
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
