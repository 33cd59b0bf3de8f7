import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { checkedActivation } from '../../../shared/esim/activation';
import { returnAllLimit } from '../../../shared/fields/descriptions';
import { readLimit } from '../../../shared/execution/readLimit';
import { statusFilter } from '../../descriptions/status';
import { tradeClient } from '../../transport/client';
import { ESIM_ROW_FIELDS, tradeSimplifyToggle } from '../../output/simplify';
import { outputShape, pick } from '../../../shared/fields/simplify';

const show = { resource: ['esim'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllLimit('esim', 'getMany'),
	...tradeSimplifyToggle(show, 'the ICCID, order, status, plan and install details'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [statusFilter('Only eSIMs with this status')],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const rows = await tradeClient(this, i).all(
		'esims',
		filters,
		readLimit(this.getNodeParameter.bind(this), i),
	);
	const shape = outputShape(this, i, (json) => {
		const raw = (json.rawOrderJson ?? {}) as IDataObject;
		return pick({ ...json, smdpStatus: json.smdpStatus ?? raw.smdpStatus }, ESIM_ROW_FIELDS);
	});
	return rows.map((row) => {
		const activation = checkedActivation(this.getNode(), row, undefined, i);
		const json: IDataObject = { ...row, ...activation };
		if (!activation.iccid) delete json.iccid;
		return { json: shape(json) };
	});
}
