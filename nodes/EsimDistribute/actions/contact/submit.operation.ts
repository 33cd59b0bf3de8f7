import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../../shared/input/validation';
import { distributeClient } from '../../transport/client';

const show = { resource: ['contact'], operation: ['submit'] };

const INQUIRY_TYPES = ['partnership', 'pricing', 'hardware', 'support', 'api'] as const;

export const description: INodeProperties[] = [
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Where eSIM Distribute should reply',
	},
	{
		displayName: 'Inquiry Type',
		name: 'inquiryType',
		type: 'options',
		options: [
			{ name: 'API', value: 'api' },
			{ name: 'Hardware', value: 'hardware' },
			{ name: 'Partnership', value: 'partnership' },
			{ name: 'Pricing', value: 'pricing' },
			{ name: 'Support', value: 'support' },
		],
		default: 'api',
		displayOptions: { show },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +852 1234 5678',
			},
		],
	},
];

const schema = z.object({
	fullName: fields.text(200),
	email: fields.email(),
	inquiryType: z.enum(INQUIRY_TYPES, {
		errorMap: () => ({ message: `must be one of ${INQUIRY_TYPES.join(', ')}` }),
	}),
	message: z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'is required')
		.max(5000, 'must be at most 5000 characters'),
	companyName: fields.text(200).optional(),
	phone: fields.phone().optional(),
});

const labels = {
	fullName: 'Full Name',
	email: 'Email',
	inquiryType: 'Inquiry Type',
	message: 'Message',
	companyName: 'Company Name',
	phone: 'Phone',
};

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body = validateInput(
		this.getNode(),
		schema,
		{
			fullName: this.getNodeParameter('fullName', i, ''),
			email: this.getNodeParameter('email', i, ''),
			inquiryType: this.getNodeParameter('inquiryType', i, 'api'),
			message: this.getNodeParameter('message', i, ''),
			companyName: extra.companyName || undefined,
			phone: extra.phone || undefined,
		},
		labels,
		i,
	);
	const data = await distributeClient(this, i).contact(body as IDataObject, {
		ambiguity:
			'The message may or may not have been received; sending it again could deliver it twice.',
	});
	return [{ json: { ...(data as IDataObject), inquiryType: body.inquiryType, email: body.email } }];
}
