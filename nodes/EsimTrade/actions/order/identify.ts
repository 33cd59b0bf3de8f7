import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { apiError, markOutcomeUnknown } from '../../../shared/transport/errors';
import type { ApiResponse } from '../../../shared/transport/types';
import type { OrderRequest, TradeClient } from '../../transport/client';
import { findOrderNo } from '../../transport/status';
import { readResponse } from '../../transport/unreadable';

export interface IdentifiedOrder {
	body: IDataObject;
	orderNo: string;
	replayed: boolean;
	/** `response` when the first answer named the order, `idempotencyReplay` when the replayed key did. */
	orderNoSource: 'response' | 'idempotencyReplay';
}

const isReplay = (response: ApiResponse, body?: IDataObject) =>
	response.headers['idempotent-replayed'] === 'true' ||
	(body?.data as IDataObject | undefined)?.replayed === true ||
	body?.replayed === true;

/** The error for a purchase whose order cannot be proven: never guessed from the order list. */
function notIdentified(
	ctx: IExecuteFunctions,
	key: string,
	slug: string,
	unreadable: string | undefined,
	i: number,
): NodeApiError {
	const retry = `Running this item again with the same Idempotency Key (${key}) returns this order without buying again; a new key buys a new order.`;
	const error = unreadable
		? apiError(
				ctx.getNode(),
				{
					message: `Outcome unknown: eSIMTrade answered the purchase of plan "${slug}" with a success status but ${unreadable}`,
					description: `The order may or may not have been placed. Asking again with the same idempotency key did not give a readable answer either. Check the eSIMTrade portal's order list for plan "${slug}" before buying again. ${retry}`,
				},
				undefined,
				i,
			)
		: apiError(
				ctx.getNode(),
				{
					message: `Order placed but not identified: eSIMTrade accepted the purchase of plan "${slug}" but its answer carried no order number`,
					description: `The order was placed and charged, but nothing in eSIMTrade's answer (nor in the answer to the same idempotency key sent again) proves which order it is, so no eSIM details are given. Find the order in the eSIMTrade portal's order list for plan "${slug}". ${retry}`,
				},
				undefined,
				i,
			);
	markOutcomeUnknown(error);
	error.context.outcome = unreadable ? 'outcomeUnknown' : 'orderNotIdentified';
	error.context.idempotencyKey = key;
	return error;
}

/**
 * The order a keyed purchase placed, proven by the provider: the order number
 * in its answer, or else in its answer to the same keyed request sent again
 * (which returns the persisted order instead of buying again). When neither
 * names the order, the item ends with "Order placed but not identified" (or
 * "Outcome unknown" when the answers were unreadable), carrying the key.
 */
export async function identifyOrder(
	ctx: IExecuteFunctions,
	client: TradeClient,
	request: OrderRequest,
	first: ApiResponse,
	key: string,
	slug: string,
	i: number,
): Promise<IdentifiedOrder> {
	const answer = readResponse(first);
	if ('body' in answer) {
		const orderNo = findOrderNo(answer.body);
		if (orderNo)
			return {
				body: answer.body,
				orderNo,
				replayed: isReplay(first, answer.body),
				orderNoSource: 'response',
			};
	}
	let unreadable = 'unreadable' in answer ? answer.unreadable : undefined;
	const again = await client.placeOrder(request, {
		hints: { subject: `plan "${slug}"` },
		returnUnreadable: true,
	});
	const replay = readResponse(again);
	if ('body' in replay) {
		const orderNo = findOrderNo(replay.body);
		if (orderNo)
			return { body: replay.body, orderNo, replayed: true, orderNoSource: 'idempotencyReplay' };
		unreadable = undefined;
	}
	throw notIdentified(ctx, key, slug, unreadable, i);
}
