import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { z } from 'zod';

import { deriveKey } from '../../../shared/esim/stableKey';
import { apiError, explainStatus } from '../../../shared/transport/errors';
import { fields, numeric, validateInput } from '../../../shared/input/validation';
import { dataOf, esimTrade } from '../../transport';
import { tradeClient, type OrderRequest } from '../../transport/client';
import { guardOrder } from '../../spend/guards';
import { oneAtATime, purchaseKey } from '../../../shared/spend/lock';
import { overchargeFields } from '../../../shared/spend/overcharge';
import { activationItems, waitForFulfilment } from './fulfilment';
import { identifyOrder } from './identify';
import { idempotencyKeyInput } from './idempotencyKey';

export { description } from './create.description';

const schema = z.object({
	slug: fields.slug(),
	qty: fields.wholeNumber(1, 100),
	days: fields.wholeNumber(1, 365).optional(),
	idempotencyKey: z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.min(1)
		.max(128, 'must be at most 128 characters')
		.regex(/^[\x21-\x7e]+$/, 'must be letters, digits and punctuation without spaces')
		.optional(),
});

const labels = { slug: 'Plan', qty: 'Quantity', days: 'Days', idempotencyKey: 'Idempotency Key' };

const conflict = {
	message: 'This idempotency key was already used for a different purchase',
	description:
		'This request was not placed: the key already bought another order. Look that order up (Order → Get Many) before buying anything again; a key is for exactly one purchase, and sending exactly the same plan, quantity and days with it returns that order.',
};

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const rawKey = idempotencyKeyInput(this, i);
	const input = validateInput(
		this.getNode(),
		schema,
		{
			slug: this.getNodeParameter('plan', i, '', { extractValue: true }),
			qty: numeric(this.getNodeParameter('quantity', i)),
			days: numeric(extra.days),
			idempotencyKey: rawKey || undefined,
		},
		labels,
		i,
	);
	const idempotencyKey =
		input.idempotencyKey ??
		deriveKey(
			'n8n-',
			this.getWorkflow().id,
			this.getInputData()[i]?.json,
			input.slug,
			input.qty,
			input.days,
		);
	const body: IDataObject = { slug: input.slug, qty: input.qty, idempotencyKey };
	if (input.days !== undefined) body.days = input.days;
	const client = tradeClient(this, i);
	const request: OrderRequest = { body, timeoutMs: Number(options.requestTimeout ?? 30) * 1000 };
	// Purchases on one credential run one at a time, from the balance check to the answer.
	const outcome = await oneAtATime(purchaseKey(this, esimTrade.credentialType), async () => {
		const guarded = await guardOrder(this, i, options, {
			...body,
			slug: input.slug,
			qty: input.qty,
			days: input.days,
		});
		const { dryRun } = guarded;
		if (dryRun) return { dryRun };
		const response = await client.placeOrder(request, {
			allowStatus: [402],
			// An unreadable success answer goes to identifyOrder, which asks again with the same key.
			returnUnreadable: true,
			hints: { subject: `plan "${input.slug}"`, byStatus: { 409: conflict } },
		});
		if (response.status === 402) {
			const explained = explainStatus(esimTrade, response, {
				balanceText: await client.balanceText(),
			});
			throw apiError(this.getNode(), explained, 402, i, response.body);
		}
		const placed = await identifyOrder(
			this,
			client,
			request,
			response,
			idempotencyKey,
			input.slug,
			i,
		);
		return { placed, priced: guarded.priced };
	});
	if (outcome.dryRun) return outcome.dryRun;
	const { placed } = outcome;
	const data = dataOf(placed.body);
	const order: IDataObject = {
		...data,
		orderNo: placed.orderNo,
		slug: data.slug ?? input.slug,
		quantity: data.quantity ?? input.qty,
		idempotencyKey,
		replayed: placed.replayed,
	};
	Object.assign(
		order,
		overchargeFields('eSIMTrade', `order ${placed.orderNo}`, outcome.priced, data),
	);
	if (placed.orderNoSource !== 'response') order.orderNoSource = placed.orderNoSource;
	if (!(this.getNodeParameter('waitForFulfilment', i, true) as boolean)) return [{ json: order }];
	const waited = await waitForFulfilment(
		this,
		String(order.orderNo),
		i,
		Number(options.waitTimeout ?? 120) * 1000,
	);
	return await activationItems(this, order, waited.data, {
		qrImage: (options.qrImage as 'render') ?? 'render',
		binaryProperty: String(options.binaryProperty ?? 'qrCode'),
		timedOut: waited.timedOut,
		placedOrder: `order ${String(order.orderNo)}`,
		itemIndex: i,
	});
}
