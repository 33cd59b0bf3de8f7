import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import {
	BODY_LIMITS,
	decodeBody,
	discardBody,
	isBodyStream,
	readCapped,
	type BodyKind,
} from './boundedBody';
import type {
	ApiRequest,
	ApiResponse,
	NetworkFailure,
	Provider,
	RequestContext,
	Session,
} from './types';

/** Connection errors that mean the request never reached the provider. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** Node's codes for a server certificate that was refused (untrusted, self-signed, expired, wrong name). */
const TLS_CODE =
	/^(?:DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(?:VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT(?:_LOCALLY)?)|CERT_[A-Z_]+|ERR_TLS_CERT_ALTNAME_INVALID)$/;

export const DEFAULT_TIMEOUT_MS = 30_000;

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return out;
	for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
		if (value !== undefined && value !== null) out[key.toLowerCase()] = String(value);
	}
	return out;
}

interface ErrorShape {
	cause?: unknown;
	code?: unknown;
	message?: unknown;
	response?: { status?: number; headers?: unknown; data?: unknown; final?: unknown };
}

/** The text of an answer that is not to be asked again, when a sign-in marked it so. */
function finalOf(value: unknown): ApiResponse['final'] {
	const { message, description } = (value ?? {}) as Record<string, unknown>;
	return typeof message === 'string' && typeof description === 'string'
		? { message, description }
		: undefined;
}

/** Finds the HTTP response or the network error code inside whatever n8n threw. */
export function unwrapFailure(error: unknown): {
	response?: ApiResponse;
	failure?: NetworkFailure;
} {
	let current = error as ErrorShape | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		if (current.response?.status) {
			const final = finalOf(current.response.final);
			return {
				response: {
					status: current.response.status,
					headers: lowerCaseHeaders(current.response.headers),
					body: current.response.data,
					...(final && { final }),
				},
			};
		}
		if (typeof current.code === 'string' && TLS_CODE.test(current.code)) {
			// The certificate is checked in the handshake, before any byte of the request is sent.
			return { failure: { code: current.code, maybeSent: false, tls: true } };
		}
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) {
			return { failure: { code: current.code, maybeSent: !NOT_SENT_CODES.has(current.code) } };
		}
		current = current.cause as ErrorShape | undefined;
	}
	const text = String((error as ErrorShape)?.message ?? '');
	const code = /timeout/i.test(text)
		? 'ETIMEDOUT'
		: /hang up|reset/i.test(text)
			? 'ECONNRESET'
			: 'EUNKNOWN';
	return { failure: { code, maybeSent: true } };
}

/**
 * A signal that fires after `ms` (the total deadline of one attempt: n8n's
 * `timeout` only catches an idle connection, not one that trickles data), or
 * when the execution is cancelled.
 */
export function deadlineSignal(
	ctx: RequestContext,
	ms: number,
): { signal: AbortSignal; expired: () => boolean } {
	const deadline = AbortSignal.timeout(ms);
	const cancel = (
		ctx as Partial<{ getExecutionCancelSignal(): AbortSignal | undefined }>
	).getExecutionCancelSignal?.();
	return {
		signal: cancel ? AbortSignal.any([deadline, cancel]) : deadline,
		expired: () => deadline.aborted,
	};
}

/**
 * The context as n8n's authenticated request helper sees it: that helper sends
 * each request with the signal `getExecutionCancelSignal()` returns (replacing
 * any `abortSignal` of the options), so the deadline signal is handed to it there.
 */
function withSignal(ctx: RequestContext, signal: AbortSignal): RequestContext {
	return new Proxy(ctx, {
		get(target, key) {
			if (key === 'getExecutionCancelSignal') return () => signal;
			const value = Reflect.get(target, key, target) as unknown;
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(target)
				: value;
		},
		has: (target, key) => key === 'getExecutionCancelSignal' || Reflect.has(target, key),
	});
}

/** The kind of answer a request gets, which bounds its decoded size. */
export function bodyKindOf(request: ApiRequest): BodyKind {
	return request.size ?? (request.responseType === 'text' ? 'export' : 'object');
}

/**
 * Reads the streamed body of one answer within its bound: a 2xx within the
 * route's limit (beyond it the answer comes back with `oversize` and no body),
 * any other status within the limit of one object (beyond it the body is
 * dropped: only the status counts then).
 */
async function readAnswer(
	status: number,
	headers: Record<string, string>,
	body: unknown,
	request: ApiRequest,
	deadline: { signal: AbortSignal; expired: () => boolean },
	deadlineMs: number,
): Promise<{ response: ApiResponse } | { failure: NetworkFailure }> {
	if (!isBodyStream(body)) return { response: { status, headers, body } };
	const success = status < 300;
	const max = BODY_LIMITS[success ? bodyKindOf(request) : 'object'];
	const read = await readCapped(body, max, deadline.signal);
	if ('broken' in read) {
		return deadline.expired()
			? { failure: { code: 'ETIMEDOUT', maybeSent: true, deadlineMs } }
			: { failure: { code: 'ECONNRESET', maybeSent: true } };
	}
	if ('tooLarge' in read) {
		return {
			response: { status, headers, body: undefined, ...(success && { oversize: read.tooLarge }) },
		};
	}
	if (status >= 300 && status < 400) return { response: { status, headers, body: undefined } };
	return {
		response: { status, headers, body: decodeBody(read.data, request.responseType === 'text') },
	};
}

/**
 * One HTTP attempt through n8n's request helpers; never throws for HTTP or
 * network failures. Redirects are not followed: a 3xx comes back as the response.
 * The body is taken as a stream and read within BODY_LIMITS of decoded bytes.
 */
export async function sendOnce(
	ctx: RequestContext,
	provider: Provider,
	session: Session,
	request: ApiRequest,
	deadlineMs: number = request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
): Promise<{ response: ApiResponse } | { failure: NetworkFailure }> {
	const text = request.responseType === 'text';
	const deadline = deadlineSignal(ctx, deadlineMs);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${session.baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: !text,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: provider.refreshOn?.length
			? { ignore: true, except: provider.refreshOn }
			: true,
		timeout: deadlineMs,
		abortSignal: deadline.signal,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const send = async (opts: IHttpRequestOptions): Promise<IN8nHttpFullResponse> =>
		(request.anonymous
			? await ctx.helpers.httpRequest(opts)
			: await ctx.helpers.httpRequestWithAuthentication.call(
					withSignal(ctx, deadline.signal),
					provider.credentialType,
					opts,
					{
						credentialsDecrypted: {
							id: '',
							name: provider.credentialLabel,
							type: provider.credentialType,
							data: session.credentials as ICredentialDataDecryptedObject,
						},
					},
				)) as IN8nHttpFullResponse;
	let raw: IN8nHttpFullResponse;
	try {
		raw = await send(options);
		// n8n 1.x does not know `except`: it hands a refresh status (401) back instead of signing in again.
		// The provider refused that request unread, so ask once more with status errors on: n8n then signs
		// in again and repeats the call itself, as n8n 2.x does on the first request.
		if (!request.anonymous && provider.refreshOn?.includes(raw.statusCode)) {
			discardBody(raw.body);
			raw = await send({ ...options, ignoreHttpStatusErrors: false });
		}
	} catch (error) {
		if (deadline.expired()) return { failure: { code: 'ETIMEDOUT', maybeSent: true, deadlineMs } };
		const { response, failure } = unwrapFailure(error);
		if (!response) return { failure: failure! };
		if (response.final) return { response };
		return await readAnswer(
			response.status,
			response.headers,
			response.body,
			request,
			deadline,
			deadlineMs,
		);
	}
	const headers = lowerCaseHeaders(raw.headers);
	return await readAnswer(raw.statusCode, headers, raw.body, request, deadline, deadlineMs);
}
