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
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['account'], operation: ['updateProfile'] } },
		options: [
			{
				displayName: 'Company Name',
				name: 'companyName',
				type: 'string',
				default: '',
				description: 'Company name shown on the reseller profile',
			},
			{
				displayName: 'Country',
				name: 'country',
				type: 'string',
				default: '',
				placeholder: 'e.g. JP',
				description: 'Two-letter country code of the company',
			},
			{
				displayName: 'Website',
				name: 'website',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com',
			},
		],
	},
];

const schema = z
	.object({
		companyName: fields.text(120).optional(),
		country: z
			.string()
			.trim()
			.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as JP')
			.optional(),
		website: fields.httpsUrl().optional(),
	})
	.refine((value) => Object.keys(value).length > 0, 'add at least one field to update');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const input = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = validateInput(
		this.getNode(),
		schema,
		input,
		{
			companyName: 'Company Name',
			country: 'Country',
			website: 'Website',
			'': 'Update Fields',
		},
		i,
	);
	if (body.country) body.country = body.country.toUpperCase();
	return [{ json: await tradeClient(this, i).updateProfile(body) }];
}
