import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../../shared/input/validation';
import { distributeClient } from '../../transport/client';

const show = { resource: ['account'], operation: ['register'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Sent without signing in: the credential only provides the base URL. Use the new email and password in an eSIM Distribute credential afterwards.',
		name: 'registerNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Company Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Fire Flow Limited',
		displayOptions: { show },
	},
	{
		displayName: 'Subdomain',
		name: 'subdomain',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. fireflow',
		displayOptions: { show },
		description: 'Lowercase letters, digits and hyphens (3 to 40)',
	},
	{
		displayName: 'Contact Email',
		name: 'contactEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'The email address to sign in with',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show },
		description: 'At least 8 characters',
	},
];

const schema = z.object({
	name: fields.text(100),
	subdomain: z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.regex(/^[a-z0-9-]{3,40}$/, 'must be 3 to 40 lowercase letters, digits or hyphens'),
	contactEmail: fields.email(),
});

const labels = { name: 'Company Name', subdomain: 'Subdomain', contactEmail: 'Contact Email' };

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const password = this.getNodeParameter('password', i, '') as string;
	const input = {
		name: this.getNodeParameter('name', i, ''),
		subdomain: this.getNodeParameter('subdomain', i, ''),
		contactEmail: this.getNodeParameter('contactEmail', i, ''),
	};
	const body = validateInput(this.getNode(), schema, input, labels, i) as IDataObject;
	// Checked apart from the schema so a rejected password is never echoed in the error.
	if (typeof password !== 'string' || password.length < 8 || password.length > 200) {
		throw new NodeOperationError(this.getNode(), 'Password: must be 8 to 200 characters', {
			itemIndex: i,
			description: 'Correct "Password" in this node. Nothing was sent to the provider.',
		});
	}
	const data = await distributeClient(this, i).register(
		{ ...body, password },
		{
			ambiguity: `The account for ${String(body.contactEmail)} may or may not have been created. Try signing in with it before registering again.`,
		},
	);
	const tenant = (data as IDataObject | undefined)?.tenant ?? data;
	return [{ json: tenant as IDataObject }];
}
