import { NodeOperationError } from 'n8n-workflow';

import { checkBaseUrl } from '../url/baseUrl';
import { unreadableBody } from './body';
import {
	apiError,
	explainNetwork,
	explainOversize,
	explainRedirect,
	explainStatus,
	explainUnreadable,
	markOutcomeUnknown,
	redirectTarget,
	UnreadableResponseError,
} from './errors';
import { redactError, redactValue, spellings } from './redact';
import { backoffMs, DEFAULT_RETRY, retryAfterMs, wait, type RetrySettings } from './retry';
import { DEFAULT_TIMEOUT_MS, sendOnce } from './send';
import { explainAfterUncertain, REFUSALS_AFTER_CHARGE } from './uncertain';
import type {
	ApiRequest,
	ApiResponse,
	ErrorHints,
	Provider,
	RequestContext,
	Session,
} from './types';

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
	/**
	 * For a write answered with a 2xx whose body cannot be read: return the
	 * response with `unreadable` set, so the caller can reconcile, instead of
	 * raising UnreadableResponseError.
	 */
	returnUnreadable?: boolean;
}

/** A read answered with an unreadable body is asked again at most this often (a proxy page may pass). */
const UNREADABLE_RETRIES = 2;

/** An attempt that ran into its deadline is tried again at most this often: a provider that trickles stays slow. */
const LATE_RETRIES = 2;

/**
 * The credential and its checked base URL, read once per node run: every later
 * request of the run hands the same decrypted credential to n8n instead of
 * reading it again (n8n refreshes an expiring token inside that same object).
 */
const sessions = new WeakMap<object, Session>();

async function openSession(
	ctx: RequestContext,
	provider: Provider,
	itemIndex?: number,
): Promise<Session> {
	const credentials = await ctx.getCredentials(provider.credentialType, itemIndex);
	const checked = checkBaseUrl(provider.baseUrlOf(credentials));
	if ('problem' in checked) {
		throw new NodeOperationError(ctx.getNode(), checked.problem, {
			itemIndex,
			description: `Open the "${provider.credentialLabel}" credential and correct its Base URL.`,
		});
	}
	const session: Session = {
		baseUrl: checked.url,
		credentials,
		secretFields: provider.secretFields,
	};
	sessions.set(ctx, session);
	return session;
}

/** Every spelling of the session's secret values, read now (n8n may have refreshed the token since). */
function secretsOf(session: Session): string[] {
	return spellings(session.secretFields.map((field) => session.credentials[field]));
}

/**
 * Removes the values of the credential's secrets (secret key, password,
 * current token) from an error, in place, when the node has made a request
 * in this run; the error is returned.
 */
export function redactForRun<T>(ctx: object, error: T): T {
	const session = sessions.get(ctx);
	return session ? redactError(error, secretsOf(session)) : error;
}

/**
 * The checked base URL of the credential this run's requests went to, or
 * undefined before the first request: code that must judge a URL against the
 * credential (the QR download's loopback rule) asks the door instead of
 * reading the credential again.
 */
export function runBaseUrl(ctx: object): string | undefined {
	return sessions.get(ctx)?.baseUrl;
}

/** Removes the credential's secret values from a value the node is about to emit, in place. */
export function redactOutput<T>(ctx: object, value: T): T {
	const session = sessions.get(ctx);
	return session ? redactValue(value, secretsOf(session)) : value;
}

/**
 * Sends a request to a provider with n8n's authentication, retrying what is
 * safe to retry (429 honouring Retry-After, 5xx, dropped connections) within
 * bounds, and raising a NodeApiError that says what happened and how to fix it.
 * Redirects are never followed (a 3xx is an error naming where it pointed);
 * every attempt has a total deadline and all attempts plus waits share one
 * bound; a 2xx whose body cannot be read raises UnreadableResponseError; the
 * credential's secret values are removed from the response before anyone sees it.
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
	const write = request.method !== 'GET';
	const endpoint = `${request.method} ${request.path}`;
	const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const started = Date.now();
	const endsAt = started + Math.max(settings.maxTotalMs, timeoutMs);
	/** True when a wait of `ms` and at least a short attempt after it still fit in the bound. */
	const fits = (ms: number) => Date.now() + ms + Math.min(timeoutMs, 1000) <= endsAt;
	const fail = (error: Error): never => {
		throw redactError(error, secretsOf(session));
	};
	let lateAnswers = 0;
	/** Set once an attempt of a write may have been carried out (sent, then no clear answer). */
	let maybeDone = false;
	for (let attempt = 0; ; attempt++) {
		const deadlineMs = Math.max(1, Math.min(timeoutMs, endsAt - Date.now()));
		const outcome = await sendOnce(ctx, provider, session, request, deadlineMs);
		const canRetry = attempt < settings.maxRetries;
		if ('failure' in outcome) {
			const delay = backoffMs(attempt, settings);
			if (outcome.failure.deadlineMs !== undefined) lateAnswers++;
			if (write && outcome.failure.maybeSent) maybeDone = true;
			const patient = lateAnswers <= LATE_RETRIES;
			const flake = !outcome.failure.tls;
			if (
				canRetry &&
				patient &&
				flake &&
				(repeatable || !outcome.failure.maybeSent) &&
				fits(delay)
			) {
				await wait(delay);
				continue;
			}
			const lost = !repeatable && outcome.failure.maybeSent;
			if (lost && options.returnLost)
				return { status: 0, headers: {}, body: undefined, lost: outcome.failure };
			const explained = explainNetwork(
				provider,
				outcome.failure,
				!repeatable,
				options.ambiguity,
				attempt + 1,
			);
			const error = apiError(ctx.getNode(), explained, undefined, request.itemIndex);
			return fail(lost ? markOutcomeUnknown(error) : error);
		}
		const response = redactValue(outcome.response, secretsOf(session));
		if (response.status >= 300 && response.status < 400) {
			const target = redirectTarget(response.headers.location, `${session.baseUrl}${request.path}`);
			const explained = explainRedirect(provider, response.status, target, write);
			return fail(apiError(ctx.getNode(), explained, response.status, request.itemIndex));
		}
		if (response.final) {
			// Asking again brings the same answer (a sign-in past its bound): shown as it is, once.
			return fail(apiError(ctx.getNode(), response.final, response.status, request.itemIndex));
		}
		if (response.status < 300 && response.oversize) {
			// Not a flake: asking again brings the same flood. A write's outcome is unknown.
			const explained = explainOversize(provider, endpoint, response.oversize.max, write);
			if (write && options.returnUnreadable)
				return { ...response, unreadable: { what: explained.what } };
			const error = apiError(ctx.getNode(), explained, response.status, request.itemIndex);
			error.context.oversize = { endpoint, limitBytes: response.oversize.max };
			return fail(write ? markOutcomeUnknown(error) : error);
		}
		if (response.status < 300) {
			const unreadable = unreadableBody(provider, request, response);
			if (!unreadable) return response;
			// A read can be asked again; a write's answer is its only record of what happened.
			const delay = backoffMs(attempt, settings);
			if (
				request.retry === 'read' &&
				!write &&
				attempt < Math.min(settings.maxRetries, UNREADABLE_RETRIES) &&
				fits(delay)
			) {
				await wait(delay);
				continue;
			}
			if (write && options.returnUnreadable) return { ...response, unreadable };
			const explained = explainUnreadable(provider, endpoint, response.status, unreadable, write);
			const error = new UnreadableResponseError(ctx.getNode(), explained, {
				status: response.status,
				what: unreadable.what,
				endpoint,
				itemIndex: request.itemIndex,
			});
			return fail(write ? markOutcomeUnknown(error) : error);
		}
		// A 429 was refused before any work was done, so even an unkeyed write may be sent again.
		const transient = response.status === 429 || (response.status >= 500 && repeatable);
		if (write && maybeDone && REFUSALS_AFTER_CHARGE.includes(response.status)) {
			const explained = explainAfterUncertain(
				provider,
				response.status,
				attempt + 1,
				options.ambiguity,
			);
			const error = apiError(ctx.getNode(), explained, response.status, request.itemIndex);
			return fail(markOutcomeUnknown(error));
		}
		if (write && response.status >= 500) maybeDone = true;
		if (transient && canRetry) {
			const hinted = retryAfterMs(response.headers);
			const delay = hinted ?? backoffMs(attempt, settings);
			if ((hinted === undefined || hinted <= settings.maxRetryAfterMs) && fits(delay)) {
				await wait(delay);
				continue;
			}
		}
		if (options.allowStatus?.includes(response.status)) return response;
		const explained = explainStatus(provider, response, options.hints, attempt + 1);
		return fail(
			apiError(ctx.getNode(), explained, response.status, request.itemIndex, response.body),
		);
	}
}
