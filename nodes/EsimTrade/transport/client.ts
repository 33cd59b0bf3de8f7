import type { IDataObject } from 'n8n-workflow';

import type { RequestOptions } from '../../shared/transport/request';
import type { ApiResponse, RequestContext } from '../../shared/transport/types';
import { dataOf, tradeCall, tradeGet, tradeRequest } from './index';
import { fetchListPage, listAll, type ListNarrowing, type TradeList } from './list';
import { catalogRows } from './plans';
import { walletOf, walletText, type TradeWallet } from './wallet';

/** What the sync route `GET /portal/orders` is asked by: an order number or an ICCID. */
export type SyncQuery = { orderno: string } | { iccid: string };

/** The top-up options `GET /portal/topups?iccid=` offers for an eSIM. */
export interface TopUpOffer {
	options: IDataObject[];
	/** The answer said no top-up is offered now (an `error` inside `data` with a success status). */
	refused: boolean;
	/** The provider's own words, when it sent an `error` text. */
	said?: string;
}

/** The purchase request: sent once, with its idempotency key, within the item's request timeout. */
export interface OrderRequest {
	body: IDataObject;
	timeoutMs: number;
}

/**
 * Every eSIMTrade route the nodes use, each written once, all through the one
 * transport door (nodes/shared/transport). A client is made for one item
 * (`itemIndex` names it in errors) or for a trigger run (no item).
 */
export function tradeClient(ctx: RequestContext, itemIndex?: number) {
	const get = async (path: string, qs?: IDataObject, options?: Parameters<typeof tradeGet>[4]) =>
		await tradeGet(ctx, path, qs, itemIndex, options);
	return {
		/** `GET /portal/balance`, read by the one wallet rule. */
		async balance(options?: RequestOptions): Promise<TradeWallet> {
			return walletOf(dataOf(await get('/portal/balance', undefined, options)));
		},
		/** The balance as a sentence for a 402 message; undefined when it cannot be read (never raises). */
		async balanceText(): Promise<string | undefined> {
			try {
				return walletText(await this.balance({ retry: { maxRetries: 1 } }));
			} catch {
				return undefined;
			}
		},
		/** The whole catalog, `GET /portal/plans`. */
		async plans(): Promise<IDataObject[]> {
			return catalogRows(await get('/portal/plans', undefined, { size: 'page' }));
		},
		/** `GET /portal/plans?slug=`: the rows eSIMTrade returns for one plan. */
		async plan(slug: string, options?: RequestOptions): Promise<IDataObject[]> {
			const hints = { subject: `plan "${slug}"` };
			return catalogRows(await get('/portal/plans', { slug }, { hints, size: 'page', ...options }));
		},
		/**
		 * `POST /portal/order` with its idempotency key: the raw response, so the
		 * caller can prove the order (an unreadable success is returned, a 402 too).
		 */
		async placeOrder(order: OrderRequest, options: RequestOptions): Promise<ApiResponse> {
			return await tradeCall(
				ctx,
				{
					method: 'POST',
					path: '/portal/order',
					body: order.body,
					retry: 'keyed',
					itemIndex,
					timeoutMs: order.timeoutMs,
				},
				options,
			);
		},
		/** The sync route `GET /portal/orders` by order number or ICCID: its record, and whether it named none (a 404 the caller allowed). */
		async syncOrder(
			query: SyncQuery,
			options?: RequestOptions,
		): Promise<{ data: IDataObject; missing: boolean }> {
			const body = await get('/portal/orders', query, options);
			return { data: dataOf(body), missing: Boolean(body.error && !body.data) };
		},
		/** One page of `/reseller/orders` or `/reseller/esims` (filters: `status`, and `q` for orders). */
		async page(
			list: TradeList,
			page: number,
			pageSize: number,
			filters: IDataObject = {},
			options?: RequestOptions,
		) {
			return await fetchListPage(ctx, list, filters, page, pageSize, itemIndex, options);
		},
		/** One page of `/reseller/orders`. */
		async orders(
			page: number,
			pageSize: number,
			filters: IDataObject = {},
			options?: RequestOptions,
		) {
			return await this.page('orders', page, pageSize, filters, options);
		},
		/** Every row of a list (or up to `limit`), newest first without repeats. */
		async all(
			list: TradeList,
			filters: IDataObject,
			limit: number | undefined,
			narrowing?: ListNarrowing,
		): Promise<IDataObject[]> {
			return await listAll(ctx, list, filters, limit, itemIndex, narrowing);
		},
		/** `GET /portal/topups?iccid=`: the options for the eSIM, or that none is offered now. */
		async topUpOptions(iccid: string): Promise<TopUpOffer> {
			const body = await get(
				'/portal/topups',
				{ iccid },
				{ hints: { subject: `eSIM with ICCID ${iccid}` }, size: 'page' },
			);
			const data = dataOf(body);
			const said = typeof data.error === 'string' ? data.error : undefined;
			// "No packageList returned" arrives inside `data` with a success status: no options, not a failure.
			const refused = said !== undefined && !Array.isArray(data.packageList);
			return { options: refused ? [] : catalogRows(body), refused, said };
		},
		/** `POST /portal/topups`: never repeated (eSIMTrade has no key for top-ups); the raw response. */
		async topUp(body: IDataObject, options: RequestOptions): Promise<ApiResponse> {
			return await tradeCall(
				ctx,
				{ method: 'POST', path: '/portal/topups', body, retry: 'unkeyed', itemIndex },
				options,
			);
		},
		/** `GET /reseller/profile`. */
		async profile(): Promise<IDataObject> {
			const body = await get('/reseller/profile');
			return (body.profile as IDataObject) ?? body;
		},
		/** `PATCH /reseller/profile` with the changed fields. */
		async updateProfile(body: IDataObject): Promise<IDataObject> {
			const answer = await tradeRequest(ctx, {
				method: 'PATCH',
				path: '/reseller/profile',
				body,
				retry: 'read',
				itemIndex,
			});
			return (answer.profile as IDataObject) ?? answer;
		},
		/** `PATCH /reseller/webhook`. */
		async setWebhook(webhookUrl: string, options?: RequestOptions): Promise<IDataObject> {
			return await tradeRequest(
				ctx,
				{
					method: 'PATCH',
					path: '/reseller/webhook',
					body: { webhookUrl },
					retry: 'read',
					itemIndex,
				},
				options,
			);
		},
		/** `GET /reseller/metrics?range=`. */
		async metrics(range: string): Promise<IDataObject> {
			return await get('/reseller/metrics', { range });
		},
	};
}

export type TradeClient = ReturnType<typeof tradeClient>;
