import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { planFilterFields, returnAllLimit } from '../../../shared/fields/descriptions';
import { readLimit } from '../../../shared/execution/readLimit';
import { simplifiedItems } from '../../../shared/fields/simplify';
import { containsText, needleOf } from '../../../shared/fields/search';
import { tradeClient } from '../../transport/client';
import { planPrice } from '../../transport/plans';
import { simplifyPlan, tradeSimplifyToggle } from '../../output/simplify';

const show = { resource: ['plan'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllLimit('plan', 'getMany'),
	...tradeSimplifyToggle(show, 'slug, name, country, price, data and duration'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			...planFilterFields(
				'locationCode',
				'Only plans whose reseller price is at most this amount',
				'Only plans whose name or slug contains this text',
			),
			{
				displayName: 'Min Data (GB)',
				name: 'minVolume',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Only plans with at least this much data',
			},
		],
	},
];

function matches(plan: IDataObject, filters: IDataObject): boolean {
	const price = planPrice(plan);
	if (
		filters.locationCode &&
		String(plan.locationCode ?? '').toUpperCase() !==
			String(filters.locationCode).trim().toUpperCase()
	)
		return false;
	if (filters.maxPrice && !(price !== undefined && price <= Number(filters.maxPrice))) return false;
	if (filters.minVolume && !(Number(plan.volume) >= Number(filters.minVolume))) return false;
	return containsText(needleOf(filters.search), plan.name, plan.slug);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const limit = readLimit(this.getNodeParameter.bind(this), i);
	const plans = (await tradeClient(this, i).plans()).filter((plan) => matches(plan, filters));
	return simplifiedItems(this, i, plans.slice(0, limit), simplifyPlan);
}
