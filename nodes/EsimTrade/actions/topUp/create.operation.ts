import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { checkDigit, fields, numeric, validateInput } from '../../../shared/input/validation';
import { dataOf, esimTrade } from '../../transport';
import { tradeClient } from '../../transport/client';
import { readResponse, unreadableOutcome } from '../../transport/unreadable';
import { spendOptions } from '../../../shared/spend/settings';
import { guardTopUp } from '../../spend/guards';
import { oneAtATime, purchaseKey } from '../../../shared/spend/lock';
import { overchargeFields } from '../../../shared/spend/overcharge';

const show = { resource: ['topUp'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'eSIMTrade has no duplicate protection for top-ups: if the connection drops after sending, the node reports "Outcome unknown" instead of trying again.',
		name: 'topUpNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'ICCID',
		name: 'iccid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8948010000095399804',
		displayOptions: { show },
		description: 'The eSIM to top up; it must be one you sold',
	},
	{
		displayName: 'Top-Up Slug',
		name: 'slug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. JP_TOPUP_1GB',
		displayOptions: { show },
		description:
			'The slug of an option returned by "Get Top-Up Options" for this ICCID; do not build it by hand',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
		default: 1,
		displayOptions: { show },
		description: 'How many times to apply this top-up (1 to 10)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: spendOptions('the top-up'),
	},
];

// The check digit is checked last, so a wrong plan or quantity is named first.
const schema = z
	.object({ iccid: fields.iccid(), slug: fields.slug(), qty: fields.wholeNumber(1, 10) })
	.superRefine(checkDigit('iccid'));

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = validateInput(
		this.getNode(),
		schema,
		{
			iccid: this.getNodeParameter('iccid', i),
			slug: this.getNodeParameter('slug', i),
			qty: numeric(this.getNodeParameter('quantity', i, 1)),
		},
		{ iccid: 'ICCID', slug: 'Top-Up Slug', qty: 'Quantity' },
		i,
	);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const ambiguity = `The top-up for ${body.iccid} may or may not have been placed, and top-ups cannot be repeated safely. Check the eSIM's top-ups in the eSIMTrade portal before running this item again.`;
	// Purchases on one credential run one at a time, from the balance check to the answer.
	const outcome = await oneAtATime(purchaseKey(this, esimTrade.credentialType), async () => {
		const guarded = await guardTopUp(this, i, options, body);
		const { dryRun } = guarded;
		if (dryRun) return { dryRun };
		const response = await tradeClient(this, i).topUp(body, {
			hints: { subject: `eSIM with ICCID ${body.iccid}` },
			ambiguity,
			returnUnreadable: true,
		});
		return { answer: readResponse(response), priced: guarded.priced };
	});
	if (outcome.dryRun) return outcome.dryRun;
	const { answer } = outcome;
	if ('unreadable' in answer)
		throw unreadableOutcome(
			this.getNode(),
			`the top-up of ${body.iccid}`,
			answer.unreadable,
			ambiguity,
			i,
		);
	const data = dataOf(answer.body);
	const flagged = overchargeFields(
		'eSIMTrade',
		`the top-up of ${body.iccid}`,
		outcome.priced,
		data,
	);
	return [
		{ json: { iccid: body.iccid, slug: body.slug, quantity: body.qty, ...data, ...flagged } },
	];
}
