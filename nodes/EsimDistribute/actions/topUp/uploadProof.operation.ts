import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../../shared/input/validation';
import { distributeClient } from '../../transport/client';
import { topUpIdField } from './topUpId';

const show = { resource: ['topUp'], operation: ['uploadProof'] };

export const description: INodeProperties[] = [
	topUpIdField('uploadProof'),
	{
		displayName: 'Transfer Proof URL',
		name: 'transferProofUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://your-storage.example.com/proof.png',
		displayOptions: { show },
		description:
			'An https link to the bank transfer receipt you host; eSIM Distribute takes a URL, not a file',
	},
];

const schema = z.object({
	topUpId: fields.recordId('3c9e1f2a-…'),
	transferProofUrl: fields.httpsUrl(),
});

const conflict = {
	message: 'This top-up does not take a transfer proof now',
	description:
		'Only a bank-transfer top-up that is still awaiting proof accepts one. Check its status with Top-Up → Get Status.',
};

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const input = validateInput(
		this.getNode(),
		schema,
		{
			topUpId: this.getNodeParameter('topUpId', i, ''),
			transferProofUrl: this.getNodeParameter('transferProofUrl', i, ''),
		},
		{ topUpId: 'Top-Up ID', transferProofUrl: 'Transfer Proof URL' },
		i,
	);
	const data = await distributeClient(this, i).uploadProof(input.topUpId, input.transferProofUrl, {
		hints: { subject: `top-up ${input.topUpId}`, byStatus: { 409: conflict } },
		ambiguity:
			'The proof may or may not have been recorded. Check Top-Up → Get Status (status "proof_submitted") before sending it again.',
	});
	return [{ json: data as IDataObject }];
}
