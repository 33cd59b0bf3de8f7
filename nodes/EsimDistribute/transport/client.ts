import type { IDataObject } from 'n8n-workflow';

import type { RequestOptions } from '../../shared/transport/request';
import type { ApiRequest, ApiResponse, RequestContext } from '../../shared/transport/types';
import { creditOf, creditText, type DistributeCredit } from './credit';
import { distributeCall, distributeGet, distributeRequest, unwrapEnvelope } from './index';
import { fetchListPage, listAll, type DistributeList } from './list';
import { orderOf } from './orders';
import { fetchPlans } from './plans';

/** A write eSIM Distribute does not de-duplicate: sent once, its envelope's `data` returned. */
type Write = Pick<ApiRequest, 'path' | 'body'> & { anonymous?: boolean };

/**
 * Every eSIM Distribute route the nodes use, each written once, all through
 * the one transport door (nodes/shared/transport). A client is made for one
 * item (`itemIndex` names it in errors) or for a trigger run (no item).
 */
export function distributeClient(ctx: RequestContext, itemIndex?: number) {
	const get = async (
		path: string,
		qs?: IDataObject,
		options?: Parameters<typeof distributeGet>[4],
	) => await distributeGet(ctx, path, qs, itemIndex, options);
	const send = async (write: Write, options: RequestOptions): Promise<unknown> =>
		await distributeRequest(
			ctx,
			{ method: 'POST', retry: 'unkeyed', itemIndex, ...write },
			options,
		);
	return {
		/** `GET /api/tenant/balance`, read by the one credit rule. */
		async balance(options?: RequestOptions): Promise<DistributeCredit> {
			return creditOf(await get('/api/tenant/balance', undefined, options));
		},
		/** The balance as a sentence for a 402 message; undefined when it cannot be read (never raises). */
		async balanceText(): Promise<string | undefined> {
			try {
				return creditText(await this.balance({ retry: { maxRetries: 1 } }));
			} catch {
				return undefined;
			}
		},
		/** `GET /api/tenant/available-plans`. */
		async plans(): Promise<IDataObject[]> {
			return await fetchPlans(ctx, itemIndex);
		},
		/** `GET /api/tenant/orders/:id`: the order with its eSIMs (bare, or under `order`). */
		async order(id: string, options?: RequestOptions): Promise<IDataObject> {
			return orderOf(await get(`/api/tenant/orders/${encodeURIComponent(id)}`, undefined, options));
		},
		/** One page of `/api/tenant/orders` or `/api/tenant/transactions`; `last` when no further page follows. */
		async page(list: DistributeList, page: number, pageSize: number, filters: IDataObject = {}) {
			return await fetchListPage(ctx, list, filters, page, pageSize, itemIndex);
		},
		/** One page of `/api/tenant/orders`. */
		async orders(page: number, pageSize: number, filters: IDataObject = {}) {
			return await this.page('orders', page, pageSize, filters);
		},
		/** Every row of a list (or up to `limit`), newest first without repeats. */
		async all(
			list: DistributeList,
			filters: IDataObject,
			limit: number | undefined,
		): Promise<IDataObject[]> {
			return await listAll(ctx, list, filters, limit, itemIndex);
		},
		/**
		 * `POST /api/tenant/orders/checkout`, sent once: the raw response, so the
		 * caller can reconcile a lost or unreadable answer (see `unwrap`).
		 */
		async placeOrder(body: IDataObject, timeoutMs: number, options: RequestOptions) {
			return await distributeCall(
				ctx,
				{
					method: 'POST',
					path: '/api/tenant/orders/checkout',
					body,
					retry: 'unkeyed',
					itemIndex,
					timeoutMs,
				},
				options,
			);
		},
		/** The envelope's `data` of a raw response; `success: false` raises the provider's message. */
		unwrap(response: ApiResponse): unknown {
			return unwrapEnvelope(ctx, response.body, itemIndex);
		},
		/** `GET /api/tenant/orders/export` for the filters' window: the raw CSV response. */
		async export(filters: IDataObject): Promise<ApiResponse> {
			return await distributeCall(ctx, {
				method: 'GET',
				path: '/api/tenant/orders/export',
				qs: filters,
				retry: 'read',
				responseType: 'text',
				itemIndex,
			});
		},
		/** `POST /api/tenant/top-up`: a credit top-up order, never repeated. */
		async topUp(body: IDataObject, options: RequestOptions): Promise<unknown> {
			return await send({ path: '/api/tenant/top-up', body }, options);
		},
		/** `GET /api/tenant/top-up/:id`. */
		async topUpStatus(id: string): Promise<IDataObject> {
			return await get(`/api/tenant/top-up/${encodeURIComponent(id)}`, undefined, {
				hints: { subject: `top-up ${id}` },
			});
		},
		/** `POST /api/tenant/top-up/:id/proof` with the bank transfer's proof URL. */
		async uploadProof(id: string, transferProofUrl: string, options: RequestOptions) {
			const path = `/api/tenant/top-up/${encodeURIComponent(id)}/proof`;
			return await send({ path, body: { transferProofUrl } }, options);
		},
		/** `POST /api/tenant/register`, sent without the credential's authentication. */
		async register(body: IDataObject, options: RequestOptions): Promise<unknown> {
			return await send({ path: '/api/tenant/register', body, anonymous: true }, options);
		},
		/** `POST /api/tenant/contact`, sent without the credential's authentication. */
		async contact(body: IDataObject, options: RequestOptions): Promise<unknown> {
			return await send({ path: '/api/tenant/contact', body, anonymous: true }, options);
		},
		/** `GET /api/tenant/profile`. */
		async profile(): Promise<IDataObject> {
			return await get('/api/tenant/profile');
		},
	};
}

export type DistributeClient = ReturnType<typeof distributeClient>;
