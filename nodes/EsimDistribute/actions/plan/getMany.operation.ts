import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planFilterFields, returnAllLimit } from '../../../shared/fields/descriptions';
import { readLimit } from '../../../shared/execution/readLimit';
import { fetchPlans, priceOf, simplifyPlan } from '../../transport/plans';

const show = { resource: ['plan'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllLimit('plan', 'getMany'),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether to return only ID, name, country, data, validity and price instead of every field',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: planFilterFields('countryCode', 'Only plans that cost at most this much', 'Only plans whose name or country contains this text'),
	},
];

function matches(plan: IDataObject, filters: IDataObject): boolean {
	const code = String(filters.countryCode ?? '').trim().toUpperCase();
	if (code && String(plan.countryCode ?? '').toUpperCase() !== code) return false;
	const price = priceOf(plan);
	if (filters.maxPrice && !(price !== undefined && price <= Number(filters.maxPrice))) return false;
	const needle = String(filters.search ?? '').trim().toLowerCase();
	if (needle && ![plan.name, plan.country].some((v) => String(v ?? '').toLowerCase().includes(needle))) return false;
	return true;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const limit = readLimit(this.getNodeParameter.bind(this), i);
	const plans = (await fetchPlans(this, i)).filter((plan) => matches(plan, filters));
	return plans.slice(0, limit).map((plan) => ({ json: simplify ? simplifyPlan(plan) : plan }));
}
