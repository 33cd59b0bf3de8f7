import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../../shared/input/validation';
import { planLocator } from '../../descriptions/plan';
import { tradeClient } from '../../transport/client';

export const description: INodeProperties[] = [
	planLocator(
		{ resource: ['plan'], operation: ['get'] },
		'The plan to read with your reseller price',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { slug } = validateInput(
		this.getNode(),
		z.object({ slug: fields.slug() }),
		{ slug: this.getNodeParameter('plan', i, '', { extractValue: true }) },
		{ slug: 'Plan' },
		i,
	);
	return (await tradeClient(this, i).plan(slug)).map((plan) => ({ json: plan }));
}
