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
import { distributeClient } from '../../transport/client';
import { priceOf } from '../../transport/plans';
import { distributeSimplifyToggle, simplifyPlan } from '../../output/simplify';

const show = { resource: ['plan'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllLimit('plan', 'getMany'),
	...distributeSimplifyToggle(show, 'ID, name, country, data, validity and price'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: planFilterFields(
			'countryCode',
			'Only plans that cost at most this much',
			'Only plans whose name or country contains this text',
		),
	},
];

function matches(plan: IDataObject, filters: IDataObject): boolean {
	const code = String(filters.countryCode ?? '')
		.trim()
		.toUpperCase();
	if (code && String(plan.countryCode ?? '').toUpperCase() !== code) return false;
	const price = priceOf(plan);
	if (filters.maxPrice && !(price !== undefined && price <= Number(filters.maxPrice))) return false;
	return containsText(needleOf(filters.search), plan.name, plan.country);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const limit = readLimit(this.getNodeParameter.bind(this), i);
	const plans = (await distributeClient(this, i).plans()).filter((plan) => matches(plan, filters));
	return simplifiedItems(this, i, plans.slice(0, limit), simplifyPlan);
}
