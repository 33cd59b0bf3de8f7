import { NodeOperationError } from 'n8n-workflow';

import { checkBaseUrl } from './baseUrl';
import { apiError, explainNetwork, explainStatus, markOutcomeUnknown } from './errors';
import { backoffMs, DEFAULT_RETRY, retryAfterMs, wait, type RetrySettings } from './retry';
import { sendOnce } from './send';
import type { ApiRequest, ApiResponse, ErrorHints, Provider, RequestContext, Session } from './types';

export interface RequestOptions {
	hints?: ErrorHints;
	/** Message for a dropped connection after an unrepeatable write was sent. */
	ambiguity?: string;
	retry?: Partial<RetrySettings>;
	/** Statuses returned to the caller instead of raised (e.g. a 404 the caller handles). */
	allowStatus?: number[];
	/**
	 * For an unrepeatable write whose connection failed after sending: return a
	 * response with status 0 and `lost` set, so the caller can reconcile,
	 * instead of raising "Outcome unknown".
	 */
	returnLost?: boolean;
}

/**
 * The credential and its checked base URL, read once per node run: every later
 * request of the run hands the same decrypted credential to n8n instead of
 * reading it again (n8n refreshes an expiring token inside that same object).
 */
const sessions = new WeakMap<object, Session>();

async function openSession(ctx: RequestContext, provider: Provider, itemIndex?: number): Promise<Session> {
	const credentials = await ctx.getCredentials(provider.credentialType, itemIndex);
	const checked = checkBaseUrl(provider.baseUrlOf(credentials));
	if ('problem' in checked) {
		throw new NodeOperationError(ctx.getNode(), checked.problem, {
			itemIndex,
			description: `Open the "${provider.credentialLabel}" credential and correct its Base URL.`,
		});
	}
	const session: Session = { baseUrl: checked.url, credentials };
	sessions.set(ctx, session);
	return session;
}

/**
 * Sends a request to a provider with n8n's authentication, retrying what is
 * safe to retry (429 honouring Retry-After, 5xx, dropped connections) within
 * bounds, and raising a NodeApiError that says what happened and how to fix it.
 */
export async function apiRequest(
	ctx: RequestContext,
	provider: Provider,
	request: ApiRequest,
	options: RequestOptions = {},
): Promise<ApiResponse> {
	const settings = { ...DEFAULT_RETRY, ...options.retry };
	const session = sessions.get(ctx) ?? (await openSession(ctx, provider, request.itemIndex));
	const repeatable = request.retry !== 'unkeyed';
	for (let attempt = 0; ; attempt++) {
		const outcome = await sendOnce(ctx, provider, session, request);
		const canRetry = attempt < settings.maxRetries;
		if ('failure' in outcome) {
			if (canRetry && (repeatable || !outcome.failure.maybeSent)) {
				await wait(backoffMs(attempt, settings));
				continue;
			}
			const lost = !repeatable && outcome.failure.maybeSent;
			if (lost && options.returnLost) return { status: 0, headers: {}, body: undefined, lost: outcome.failure };
			const explained = explainNetwork(provider, outcome.failure, !repeatable, options.ambiguity);
			const error = apiError(ctx.getNode(), explained, undefined, request.itemIndex);
			throw lost ? markOutcomeUnknown(error) : error;
		}
		const { response } = outcome;
		// A 429 was refused before any work was done, so even an unkeyed write may be sent again.
		const transient = response.status === 429 || (response.status >= 500 && repeatable);
		if (transient && canRetry) {
			const hinted = retryAfterMs(response.headers);
			if (hinted === undefined || hinted <= settings.maxRetryAfterMs) {
				await wait(hinted ?? backoffMs(attempt, settings));
				continue;
			}
		}
		if (response.status < 400 || options.allowStatus?.includes(response.status)) return response;
		const explained = explainStatus(provider, response, options.hints, attempt + 1);
		throw apiError(ctx.getNode(), explained, response.status, request.itemIndex, response.body);
	}
}
