import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { fields, numeric, validateInput } from '../../../shared/input/validation';
import { spendOptions } from '../../../shared/spend/settings';
import { esimDistribute } from '../../transport';
import { distributeClient } from '../../transport/client';
import { oneAtATime, purchaseKey } from '../../../shared/spend/lock';
import { overchargeFields } from '../../../shared/spend/overcharge';
import { guardWalletTopUp } from '../../spend/guards';

const show = { resource: ['topUp'], operation: ['create'] };
const stripe = { ...show, paymentMethod: ['stripe'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 10, maxValue: 10000, numberPrecision: 2 },
		required: true,
		default: 100,
		displayOptions: { show },
		description:
			'How much credit to add, in the account currency (10 to 10,000, at most 2 decimals)',
	},
	{
		displayName: 'Payment Method',
		name: 'paymentMethod',
		type: 'options',
		options: [
			{
				name: 'Bank Transfer',
				value: 'bankTransfer',
				description: 'Pay by bank transfer, then upload the proof',
			},
			{
				name: 'Stripe',
				value: 'stripe',
				description: 'Pay by card on the Stripe checkout page returned',
			},
		],
		default: 'stripe',
		displayOptions: { show },
	},
	{
		displayName: 'Success URL',
		name: 'successUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/billing/done',
		displayOptions: { show: stripe },
		description: 'Where Stripe sends the payer after paying (https)',
	},
	{
		displayName: 'Cancel URL',
		name: 'cancelUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/billing',
		displayOptions: { show: stripe },
		description: 'Where Stripe sends the payer after cancelling (https)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: spendOptions('the top-up', [
			'approvedQuote',
			'maxTotal',
			'dryRun',
			'quoteValidMinutes',
		]),
	},
];

const schema = z.discriminatedUnion('paymentMethod', [
	z.object({
		paymentMethod: z.literal('stripe'),
		amount: fields.money(10, 10_000),
		successUrl: fields.httpsUrl(),
		cancelUrl: fields.httpsUrl(),
	}),
	z.object({ paymentMethod: z.literal('bank_transfer'), amount: fields.money(10, 10_000) }),
]);

const labels = {
	amount: 'Amount',
	paymentMethod: 'Payment Method',
	successUrl: 'Success URL',
	cancelUrl: 'Cancel URL',
};

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const method = this.getNodeParameter('paymentMethod', i, 'stripe') as string;
	const paymentMethod = method === 'bankTransfer' ? 'bank_transfer' : method;
	const input: Record<string, unknown> = {
		paymentMethod,
		amount: numeric(this.getNodeParameter('amount', i)),
	};
	if (paymentMethod === 'stripe') {
		input.successUrl = this.getNodeParameter('successUrl', i, '');
		input.cancelUrl = this.getNodeParameter('cancelUrl', i, '');
	}
	const body = validateInput(this.getNode(), schema, input, labels, i);
	// Purchases on one credential run one at a time, from the balance check to the answer.
	const outcome = await oneAtATime(purchaseKey(this, esimDistribute.credentialType), async () => {
		const guarded = await guardWalletTopUp(
			this,
			i,
			this.getNodeParameter('options', i, {}) as IDataObject,
			body,
		);
		const { dryRun } = guarded;
		if (dryRun) return { dryRun };
		const data = await distributeClient(this, i).topUp(body as IDataObject, {
			ambiguity:
				'The top-up order may or may not have been created. Check the partner console before creating another one, so that only one gets paid.',
		});
		return { data: data as IDataObject, priced: guarded.priced };
	});
	if (outcome.dryRun) return outcome.dryRun;
	const data = {
		...outcome.data,
		...overchargeFields('eSIM Distribute', 'this top-up', outcome.priced, outcome.data),
	};
	return [{ json: data }];
}
