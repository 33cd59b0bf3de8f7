import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/transport/errors';
import { apiRequest, type RequestOptions } from '../../shared/transport/request';
import type {
	ApiRequest,
	ApiResponse,
	ErrorHints,
	Provider,
	RequestContext,
} from '../../shared/transport/types';
import { isRecord } from '../../shared/json/records';

/** A JSON body that arrived as text (CSV routes answer errors in JSON). */
function parsed(body: unknown): unknown {
	if (typeof body !== 'string' || !/^\s*[{[]/.test(body)) return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

/** The provider's text in an envelope: `message`, with the `error` code when it adds something. */
export function envelopeText(body: unknown): string | undefined {
	const record = parsed(body);
	if (!isRecord(record))
		return typeof record === 'string' && record.trim() ? record.trim() : undefined;
	const message = typeof record.message === 'string' ? record.message.trim() : '';
	const nested = isRecord(record.error) ? record.error.message : record.error;
	const code = typeof nested === 'string' ? nested.trim() : '';
	if (message && code && !message.includes(code)) return `${message} (${code})`;
	return message || code || undefined;
}

export const esimDistribute: Provider = {
	label: 'eSIM Distribute',
	credentialType: 'esimDistributeApi',
	credentialLabel: 'eSIM Distribute API',
	baseUrlOf: (credentials) => credentials.baseUrl as string,
	errorTextOf: envelopeText,
	refreshOn: [401],
	secretFields: ['password', 'sessionToken'],
	envelopeProblem(body) {
		// Tenant endpoints answer in the { success, data, message, error } envelope; a bare list is tolerated.
		if (Array.isArray(body) || typeof (body as IDataObject).success === 'boolean') return undefined;
		return 'JSON without the { success, data } envelope';
	},
};

const signInRefused = {
	message:
		'eSIM Distribute did not accept the sign-in with the email and password of the credential (401 Unauthorized)',
	description:
		'Open the "eSIM Distribute API" credential and check the email and password. n8n signs in again by itself when the session expires, so a 401 that remains means the sign-in itself is refused.',
};

function withDefaults(hints: ErrorHints = {}): ErrorHints {
	return { ...hints, byStatus: { 401: signInRefused, ...hints.byStatus } };
}

/** One request with the provider's error hints; the raw response (statuses in `allowStatus` are returned, not raised). */
export async function distributeCall(
	ctx: RequestContext,
	request: ApiRequest,
	options: RequestOptions = {},
): Promise<ApiResponse> {
	return await apiRequest(ctx, esimDistribute, request, {
		...options,
		hints: withDefaults(options.hints),
	});
}

/**
 * The `data` of the `{ success, data, message, error }` envelope. `success: false`
 * becomes an error carrying the provider's message; a body without the
 * envelope is returned as it is.
 */
export function unwrapEnvelope(ctx: RequestContext, body: unknown, itemIndex?: number): unknown {
	const record = parsed(body);
	if (!isRecord(record) || typeof record.success !== 'boolean') return record;
	if (record.success) return record.data ?? {};
	const said = envelopeText(record) ?? 'no reason given';
	throw apiError(
		ctx.getNode(),
		{
			message: `eSIM Distribute did not carry out the request: ${said}`,
			description:
				'The provider reported a failure. Check the fields of this node against the message above.',
		},
		undefined,
		itemIndex,
		record,
	);
}

/** A request whose envelope is unwrapped: returns `data`. */
export async function distributeRequest(
	ctx: RequestContext,
	request: ApiRequest,
	options?: RequestOptions,
): Promise<unknown> {
	const response = await distributeCall(ctx, request, options);
	return unwrapEnvelope(ctx, response.body, request.itemIndex);
}

/** GET with retries; returns the envelope's `data` as an object (a bare list is kept under `items`). `size` bounds the answer. */
export async function distributeGet(
	ctx: RequestContext,
	path: string,
	qs?: IDataObject,
	itemIndex?: number,
	options?: RequestOptions & Pick<ApiRequest, 'size'>,
): Promise<IDataObject> {
	const request: ApiRequest = { method: 'GET', path, qs, retry: 'read', itemIndex };
	if (options?.size) request.size = options.size;
	const data = await distributeRequest(ctx, request, options);
	if (Array.isArray(data)) return { items: data };
	return isRecord(data) ? data : { value: data as IDataObject[keyof IDataObject] };
}

/** The first array found under one of `keys` (or the bare list kept under `items`). */
export function rowsOf(data: IDataObject, ...keys: string[]): IDataObject[] {
	for (const key of [...keys, 'items', 'data', 'results']) {
		if (Array.isArray(data[key])) return (data[key] as unknown[]).filter(isRecord);
	}
	return [];
}
