import type { IDataObject } from 'n8n-workflow';

import { apiRequest, type RequestOptions } from '../../shared/transport/request';
import type {
	ApiRequest,
	ApiResponse,
	Provider,
	RequestContext,
} from '../../shared/transport/types';

export const esimTrade: Provider = {
	label: 'eSIMTrade',
	credentialType: 'esimTradeApi',
	credentialLabel: 'eSIMTrade API',
	baseUrlOf: (credentials) => credentials.baseUrl as string,
	errorTextOf(body) {
		if (!body || typeof body !== 'object')
			return typeof body === 'string' && body ? body : undefined;
		const record = body as IDataObject;
		const nested = record.data as IDataObject | undefined;
		const text = record.error ?? record.message ?? nested?.error;
		return typeof text === 'string' ? text : undefined;
	},
	secretFields: ['secretKey'],
	envelopeProblem(body) {
		// Each route family has its own shape; only the error shape is wrong on a success status.
		if (Array.isArray(body)) return undefined;
		const keys = Object.keys(body);
		if (!keys.length) return 'an empty JSON object';
		if (keys.includes('error') && keys.every((key) => ['error', 'message', 'code'].includes(key)))
			return 'an error message';
		return undefined;
	},
};

/** A request to eSIMTrade through the one transport door; the raw response (statuses in `allowStatus` are returned, not raised). */
export async function tradeCall(
	ctx: RequestContext,
	request: ApiRequest,
	options?: RequestOptions,
): Promise<ApiResponse> {
	return await apiRequest(ctx, esimTrade, request, options);
}

/** A request to eSIMTrade; returns the parsed body. */
export async function tradeRequest(
	ctx: RequestContext,
	request: ApiRequest,
	options?: RequestOptions,
): Promise<IDataObject> {
	const response = await tradeCall(ctx, request, options);
	return (response.body ?? {}) as IDataObject;
}

/** GET with retries; returns the parsed body. `size` bounds the answer (default: one object). */
export async function tradeGet(
	ctx: RequestContext,
	path: string,
	qs: IDataObject | undefined,
	itemIndex?: number,
	options?: RequestOptions & Pick<ApiRequest, 'size'>,
): Promise<IDataObject> {
	const request: ApiRequest = { method: 'GET', path, qs, retry: 'read', itemIndex };
	if (options?.size) request.size = options.size;
	return await tradeRequest(ctx, request, options);
}

/** The `data` member of `/portal/...` responses, tolerating a bare body. */
export function dataOf(body: IDataObject): IDataObject {
	const data = body.data;
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : body;
}
